package com.engagementledger.engagement.audit;

import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.audit.LinkHash;
import com.engagementledger.audit.Verdict;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.verify.LedgerVerify;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NDJSON export of 100,000 events streams with bounded memory: the service runs in this JVM, so the heap that
 * stays live mid-export (measured after a GC) shows whether anything buffers the history.
 */
class ExportMemoryTest extends IntegrationTest {
    private static final int EVENTS = 100_000;
    private static final int BATCH = 10_000;
    /** Live heap growth allowed mid-export; the export itself is larger (asserted), so buffering it would exceed this. */
    private static final long LIMIT_BYTES = 64L * 1024 * 1024;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void ndjson_export_of_100000_events_streams_with_bounded_memory_and_verifies_offline() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Big history")).id();
        appendChained(id);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engagements/" + id
                        + "/history"))
                .header("Authorization", "Bearer " + TestTokens.auditor("auditor-ines"))
                .header("Accept", "application/x-ndjson").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);

        long lines = 0;
        long peakGrowth = 0;
        Path file = dir.resolve("big.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             Stream<String> body = response.body()) {
            for (Iterator<String> it = body.iterator(); it.hasNext(); ) {
                out.write(it.next());
                out.write('\n');
                lines++;
                if (lines % 25_000 == 0) {
                    System.gc();
                    peakGrowth = Math.max(peakGrowth, memory.getHeapMemoryUsage().getUsed() - baseline);
                }
            }
        }
        // the engagement's own "opened" event, then the 100,000 appended ones
        assertThat(lines).isEqualTo(EVENTS + 1);
        System.out.printf("export: %d lines, %d bytes; live heap growth mid-export at most %d bytes%n", lines,
                Files.size(file), peakGrowth);
        assertThat(peakGrowth).as("live heap growth during the export, bytes").isLessThan(LIMIT_BYTES);
        // the limit means something: holding the export in memory would not fit in it
        assertThat(Files.size(file)).isGreaterThan(LIMIT_BYTES);

        Verdict result = LedgerVerify.verify(file, null, null);
        assertThat(result.valid()).as(String.valueOf(result.firstBreak())).isTrue();
        assertThat(result.events()).isEqualTo(EVENTS + 1);
    }

    /**
     * Appends events straight into the store, the engagement index and the chain (the command API would take
     * minutes), linked with the same CanonicalEvent and link version the service uses, so the result verifies.
     */
    private void appendChained(String engagementId) {
        String prev = jdbc.queryForObject("select hash from event_chain_head where engagement_id = ?", String.class,
                engagementId);
        long seq = jdbc.queryForObject("select chain_seq from event_chain_head where engagement_id = ?", Long.class,
                engagementId);
        List<Long> ids = jdbc.queryForList("select nextval('domain_event_entry_global_index_seq') "
                + "from generate_series(1, ?)", Long.class, EVENTS);
        String aggregate = UUID.randomUUID().toString();
        String payloadType = DecisionApproved.class.getName();
        String type = EventCatalog.typeName(DecisionApproved.class);
        Instant start = Instant.now().minusSeconds(EVENTS);
        for (int from = 0; from < EVENTS; from += BATCH) {
            int size = Math.min(BATCH, EVENTS - from);
            Long[] global = new Long[size];
            String[] eventIds = new String[size];
            Long[] sequences = new Long[size];
            String[] times = new String[size];
            String[] payloads = new String[size];
            String[] metas = new String[size];
            Long[] chainSeqs = new Long[size];
            String[] prevs = new String[size];
            String[] hashes = new String[size];
            for (int i = 0; i < size; i++) {
                int n = from + i;
                global[i] = ids.get(n);
                eventIds[i] = UUID.randomUUID().toString();
                sequences[i] = (long) n;
                times[i] = DateTimeUtils.formatInstant(start.plusMillis(n * 10L));
                payloads[i] = "{\"engagementId\":\"" + engagementId + "\",\"decisionId\":\"" + aggregate
                        + "\",\"approvedBy\":\"cto-carl\",\"approvedBySide\":\"CLIENT\"}";
                metas[i] = "{\"actor\":\"cto-carl\",\"actorName\":\"Carl\",\"actorSide\":\"CLIENT\","
                        + "\"correlationId\":\"bulk-" + n + "\",\"engagementId\":\"" + engagementId + "\"}";
                CanonicalEvent event = new CanonicalEvent(eventIds[i], payloadType, aggregate, n, times[i],
                        CanonicalEvent.parse(metas[i].getBytes(StandardCharsets.UTF_8)),
                        CanonicalEvent.parse(payloads[i].getBytes(StandardCharsets.UTF_8)));
                prevs[i] = prev;
                prev = LinkHash.of(LinkHash.CURRENT, prev, global[i], type, event);
                hashes[i] = prev;
                chainSeqs[i] = ++seq;
            }
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                      sequence_number, type, time_stamp, payload_type, payload, meta_data)
                    select g, e, ?, s, 'Decision', t, ?, convert_to(p, 'UTF8'), convert_to(m, 'UTF8')
                    from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                      as x(g, e, s, t, p, m)""",
                    aggregate, payloadType, global, eventIds, sequences, times, payloads, metas);
            jdbc.update("""
                    insert into engagement_event (global_index, engagement_id, event_identifier, aggregate_identifier,
                      sequence_number, event_type, recorded_at)
                    select g, ?, e, ?, s, ?, cast(t as timestamptz)
                    from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) as x(g, e, s, t)""",
                    engagementId, aggregate, type, global, eventIds, sequences, times);
            jdbc.update("""
                    insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash,
                      link_version)
                    select ?, c, g, e, p, h, ? from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                      as x(c, g, e, p, h)""",
                    engagementId, LinkHash.CURRENT, chainSeqs, global, eventIds, prevs, hashes);
        }
        jdbc.update("update event_chain_head set chain_seq = ?, hash = ? where engagement_id = ?", seq, prev,
                engagementId);
    }
}
