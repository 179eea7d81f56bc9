package com.engagementledger.engagement.audit;

import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.verify.LedgerVerify;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers of one engagement commit out of global order: the one that stored its event first links it second.
 * The history's one order per engagement is the chain's, in pages, in the export and for the offline verifier;
 * global order is there when asked for.
 */
class HistoryOrderTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    /** A stored event copied from a template under a new id and aggregate, not yet linked. */
    private record Stored(long position, String eventId) {
    }

    @Test
    void history_pages_and_export_follow_the_chain_when_writers_commit_out_of_global_order() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Two writers")).id();
        assertThat(lead.post("/engagements/" + id + "/decisions", Scenario.decision("Template", "PROCESS",
                "REVERSIBLE")).status()).isEqualTo(201);
        long template = lead.get("/engagements/" + id + "/history").json().get("items").get(1).get("position")
                .asLong();

        Stored first;
        Stored second;
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            first = store(a, template);
            second = store(b, template);
            assertThat(first.position()).isLessThan(second.position());
            link(b, id, second.eventId());
            b.commit();
            link(a, id, first.eventId());
            a.commit();
        }

        JsonNode items = lead.get("/engagements/" + id + "/history").json().get("items");
        assertThat(chainSeqs(items)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(items.get(2).get("position").asLong()).isEqualTo(second.position());
        assertThat(items.get(3).get("position").asLong()).isEqualTo(first.position());

        JsonNode page = lead.get("/engagements/" + id + "/history?limit=3").json();
        assertThat(chainSeqs(page.get("items"))).containsExactly(1L, 2L, 3L);
        JsonNode rest = lead.get("/engagements/" + id + "/history?limit=3&after=" + page.get("nextCursor").asLong())
                .json();
        assertThat(chainSeqs(rest.get("items"))).containsExactly(4L);
        assertThat(rest.get("items").get(0).get("eventId").asText()).isEqualTo(first.eventId());

        JsonNode global = lead.get("/engagements/" + id + "/history?order=global").json().get("items");
        List<Long> positions = new ArrayList<>();
        global.forEach(e -> positions.add(e.get("position").asLong()));
        assertThat(positions).hasSize(4).isSorted();
        assertThat(chainSeqs(global)).containsExactly(1L, 2L, 4L, 3L);

        String ndjson = lead.header("Accept", "application/x-ndjson").get("/engagements/" + id + "/history").body();
        List<Long> exported = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            exported.add(JSON.readTree(line).get("chainSeq").asLong());
        }
        assertThat(exported).containsExactly(1L, 2L, 3L, 4L);
        Path file = Files.writeString(dir.resolve("two-writers.ndjson"), ndjson);
        assertThat(LedgerVerify.verify(file, null, null).valid()).isTrue();
        assertThat(lead.get("/engagements/" + id + "/verify").json().get("valid").asBoolean()).isTrue();
    }

    private static List<Long> chainSeqs(JsonNode items) {
        List<Long> seqs = new ArrayList<>();
        items.forEach(e -> seqs.add(e.get("chainSeq").asLong()));
        return seqs;
    }

    /** Stores a copy of the template event in the connection's open transaction. */
    private static Stored store(Connection connection, long template) throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                  time_stamp, payload_type, payload_revision, payload, meta_data)
                select ?, ?, 0, type, time_stamp, payload_type, payload_revision, payload, meta_data
                from domain_event_entry where global_index = ? returning global_index""")) {
            insert.setString(1, eventId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setLong(3, template);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new Stored(rs.getLong(1), eventId);
            }
        }
    }

    /** Links the stored event as ChainAppender does: link_events with the event's canonical form. */
    private static void link(Connection connection, String engagementId, String eventId) throws Exception {
        String canonical;
        try (PreparedStatement select = connection.prepareStatement("""
                select event_identifier, payload_type, aggregate_identifier, sequence_number, time_stamp, meta_data,
                       payload from domain_event_entry where event_identifier = ?""")) {
            select.setString(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                canonical = new CanonicalEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), CanonicalEvent.parse(rs.getBytes(6)), CanonicalEvent.parse(rs.getBytes(7)))
                        .canonicalJson();
            }
        }
        try (PreparedStatement link = connection.prepareStatement("select link_events(?, ?, ?, ?)")) {
            link.setString(1, engagementId);
            link.setArray(2, connection.createArrayOf("text", new String[]{eventId}));
            link.setArray(3, connection.createArrayOf("text", new String[]{"ledger.decision.proposed.v1"}));
            link.setArray(4, connection.createArrayOf("text", new String[]{canonical}));
            link.executeQuery().close();
        }
    }
}
