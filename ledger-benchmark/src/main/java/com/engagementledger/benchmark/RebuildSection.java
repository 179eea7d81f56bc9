package com.engagementledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 3. Produce N events over M engagements straight to engagement.events.v1 (CloudEvents binary mode, the headers
 * engagement-service's publisher writes), let the live consumers catch up, then time scorecard's rebuild against a
 * raw consumer that reads the same topic and writes as many rows with JDBC batched inserts.
 */
final class RebuildSection {
    static final String TOPIC = "engagement.events.v1";
    private final Benchmark b;

    RebuildSection(Benchmark b) {
        this.b = b;
    }

    void run() throws Exception {
        long n = b.options.rebuildEvents;
        int m = b.options.rebuildEngagements;
        KafkaTools kafka = new KafkaTools(b.infra.kafka().bootstrapServers());
        long t0 = System.nanoTime();
        produce(kafka, n, m);
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        b.injectedEvents += n;
        b.table.note("rebuild: produced " + n + " events over " + m + " engagements to " + TOPIC + " in "
                + Table.f(produceSeconds, "s") + " (" + Table.f(n / produceSeconds, "events/s") + ")");

        // live consumption of the injected events by both consumers at once (not a target; context for the rebuild)
        long before = System.nanoTime();
        double caughtUp = b.awaitConsumers("rebuild topic load", b.options.catchUp());
        if (!Double.isNaN(caughtUp)) {
            b.table.note("live consumers (scorecard and notification together, sharing the 2 cores) caught up on the "
                    + n + " injected events in " + Table.f((System.nanoTime() - before) / 1e9, "s") + " → "
                    + Table.f(n / ((System.nanoTime() - before) / 1e9), "events/s") + " for the slower of the two");
        }

        // the ledger: POST /admin/rebuild, poll until ACTIVE
        String base = b.scorecard().baseUrl();
        long r0 = System.nanoTime();
        Http.Answer started = b.http.post(base + "/admin/rebuild", b.admin, null);
        if (started.status() != 202) {
            throw new IllegalStateException("POST /admin/rebuild answered " + started.status() + " " + started.body());
        }
        int generation = started.json().path("generation").asInt();
        JsonNode status;
        while (true) {
            Http.Answer a = b.http.get(base + "/admin/rebuilds/" + generation, b.admin, "application/json");
            status = a.json();
            String state = status.path("state").asText();
            if ("ACTIVE".equals(state) || "FAILED".equals(state) || "RETIRED".equals(state)) {
                break;
            }
            if (System.nanoTime() - r0 > b.options.catchUp().toNanos()) {
                throw new IllegalStateException("rebuild " + generation + " still " + state);
            }
            Thread.sleep(100);
        }
        double rebuildSeconds = (System.nanoTime() - r0) / 1e9;
        long eventsRead = status.path("events_read").asLong();
        if (!"ACTIVE".equals(status.path("state").asText())) {
            b.table.error("rebuild " + generation + " ended " + status);
        }
        double ledgerRate = eventsRead / rebuildSeconds;

        // raw: the same topic, the same number of rows, JDBC batched inserts, as many readers as the rebuild (2)
        long r1 = System.nanoTime();
        long rows = raw(kafka, 2);
        double rawSeconds = (System.nanoTime() - r1) / 1e9;
        double rawRate = rows / rawSeconds;
        b.table.add("3 rebuild", "scorecard rebuild of " + eventsRead + " events (" + Table.f(rebuildSeconds, "s") + ")",
                Table.f(ledgerRate, "events/s"), Table.f(rawRate, "rows/s") + " (" + rows + " in "
                        + Table.f(rawSeconds, "s") + ")", Table.ratio(ledgerRate, rawRate), "≥ 0.30",
                Table.yesNo(ledgerRate / rawRate >= 0.30));
        long expected = b.storedEvents() + b.injectedEvents;
        if (eventsRead < expected) {
            b.table.error("rebuild read " + eventsRead + " events; the topic holds " + expected);
        }
    }

    private void produce(KafkaTools kafka, long n, int m) throws Exception {
        String[] ids = new String[m];
        for (int i = 0; i < m; i++) {
            ids[i] = "bench-rebuild-" + UUID.randomUUID();
        }
        Instant base = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String today = LocalDate.now().toString();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = kafka.producer(20)) {
            for (long i = 0; i < n; i++) {
                int e = (int) (i % m);
                long seq = i / m;
                String eng = ids[e];
                String type;
                Map<String, Object> data;
                Instant at = base.plusSeconds(seq * 60);
                if (seq == 0) {
                    type = "ledger.engagement.opened.v1";
                    data = AppendSection.body("engagementId", eng, "name", "rebuild " + e, "clientName", "Acme Retail",
                            "partnerName", "Nearshore Labs", "model", "DEDICATED_TEAM", "managementStructure", "SHARED",
                            "contractType", "TIME_AND_MATERIALS", "clientTimeZone", "Europe/Berlin",
                            "partnerTimeZone", "Asia/Kolkata", "overlapStart", "09:00", "overlapEnd", "13:00",
                            "coveragePattern", "HALF_DAY_OVERLAP", "startDate", today);
                } else {
                    long k = (seq - 1) % 4;
                    long item = seq - k;
                    if (k == 0) {
                        type = "ledger.delivery.work-item-started.v1";
                        data = AppendSection.body("engagementId", eng, "workItemId", "wi-" + item, "title",
                                "Refund flow: partial refunds " + item, "workstreamId", null, "startedAt", at.toString());
                    } else if (k == 1) {
                        type = "ledger.delivery.work-item-delivered.v1";
                        data = AppendSection.body("engagementId", eng, "workItemId", "wi-" + item, "startedAt",
                                base.plusSeconds(item * 60).toString(), "deliveredAt", at.toString());
                    } else if (k == 2) {
                        type = "ledger.governance.review-held.v1";
                        data = AppendSection.body("engagementId", eng, "reviewId", "rv-" + seq, "kind",
                                "MONTHLY_STANDARDS", "heldOn", today, "attendees", List.of("Clara Lead", "Priya Nair"),
                                "outcomes", List.of("keep the cadence"));
                    } else {
                        type = "ledger.delivery.satisfaction-rated.v1";
                        data = AppendSection.body("engagementId", eng, "ratingId", "rt-" + seq, "stakeholder",
                                "Head of Product", "rating", 4, "ratedOn", today, "comment", "steady");
                    }
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, eng, Http.write(data));
                headers(record.headers(), type, eng, seq, 1_000_000_000L + i);
                producer.send(record, (md, ex) -> {
                    if (ex != null && failed.getAndIncrement() == 0) {
                        b.table.error("rebuild produce: " + ex);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " injected events were not acknowledged");
        }
    }

    /** The headers LedgerCloudEventMapper + CloudEventSerializer (BINARY) write. */
    static void headers(Headers h, String type, String engagementId, long sequence, long globalPosition) {
        add(h, "ce_specversion", "1.0");
        add(h, "ce_id", UUID.randomUUID().toString());
        add(h, "ce_type", type);
        add(h, "ce_source", "urn:engagement-ledger:engagement-service");
        add(h, "ce_time", Instant.now().toString());
        add(h, "ce_subject", engagementId);
        add(h, "content-type", "application/json");
        add(h, "ce_aggregateid", engagementId);
        add(h, "ce_aggregatetype", "Engagement");
        add(h, "ce_aggregatesequence", Long.toString(sequence));
        add(h, "ce_globalposition", Long.toString(globalPosition));
        add(h, "ce_actor", "bench.loader");
        add(h, "ce_actorside", "CLIENT");
        add(h, "ce_correlationid", UUID.randomUUID().toString());
    }

    private static void add(Headers h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the whole topic (end offsets taken at the start) with {@code readers} threads, batched inserts. */
    private long raw(KafkaTools kafka, int readers) throws Exception {
        try (Connection c = b.db("ledger_scorecard"); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_rebuild");
            s.execute("create table bench_raw_rebuild (event_id text primary key, engagement_id text not null, "
                    + "type text not null, recorded_at timestamptz, payload text not null)");
        }
        List<TopicPartition> partitions;
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, byte[]> probe = kafka.consumer()) {
            partitions = kafka.partitions(probe, TOPIC);
            ends = probe.endOffsets(partitions);
        }
        AtomicLong rows = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            List<TopicPartition> share = new ArrayList<>();
            for (int i = r; i < partitions.size(); i += readers) {
                share.add(partitions.get(i));
            }
            threads.add(Benchmark.thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(); Connection c = b.db("ledger_scorecard");
                     PreparedStatement ps = c.prepareStatement("insert into bench_raw_rebuild "
                             + "(event_id, engagement_id, type, recorded_at, payload) values (?, ?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    consumer.assign(share);
                    consumer.seekToBeginning(share);
                    while (share.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                        int inBatch = 0;
                        for (ConsumerRecord<String, byte[]> rec : batch) {
                            if (rec.offset() >= ends.get(new TopicPartition(rec.topic(), rec.partition()))) {
                                continue;
                            }
                            ps.setString(1, header(rec, "ce_id"));
                            ps.setString(2, rec.key());
                            ps.setString(3, header(rec, "ce_type"));
                            String time = header(rec, "ce_time");
                            ps.setTimestamp(4, time == null ? null : Timestamp.from(java.time.OffsetDateTime.parse(time)
                                    .toInstant()));
                            ps.setString(5, new String(rec.value(), StandardCharsets.UTF_8));
                            ps.addBatch();
                            if (++inBatch % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                        if (inBatch % 1000 != 0) {
                            ps.executeBatch();
                        }
                        c.commit();
                        rows.addAndGet(inBatch);
                    }
                } catch (Exception e) {
                    b.table.error("raw rebuild consumer: " + e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return rows.get();
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
