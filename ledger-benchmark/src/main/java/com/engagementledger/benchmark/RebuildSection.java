package com.engagementledger.benchmark;

import com.engagementledger.contract.LedgerCloudEvents;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * 4. Scorecard's rebuild through {@code POST /admin/rebuild} until it is ACTIVE, over every event stored so far (the
 * topic topped up to {@code --rebuild-events} through the API first); against two raw consumers reading the same
 * topic to its end and writing as many rows with JDBC batched inserts.
 */
final class RebuildSection {
    private static final String TOPIC = LedgerCloudEvents.EVENTS_TOPIC;
    private final Benchmark b;
    private final Stack s;

    RebuildSection(Benchmark b) {
        this.b = b;
        this.s = b.stack;
    }

    void run() throws Exception {
        long missing = b.options.rebuildEvents - Kafka.messages(s.bootstrap(), TOPIC);
        if (missing > 0) {
            b.engagementOf((int) missing, "/work-items", () -> Http.body("title", "rebuild item", "startedAt",
                    Instant.now().minusSeconds(60).toString()));
        }
        long onTopic = b.meters.awaitConsumers("before the rebuild", b.options.catchUp, b.table).onTopic();
        String base = s.url("scorecard-service");
        long t0 = System.nanoTime();
        String generation = s.http.post(base + "/admin/rebuild", s.admin, null).orFail("POST /admin/rebuild").json()
                .path("generation").asText();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = s.http.get(base + "/admin/rebuilds/" + generation, s.admin, "application/json").json();
        } while (status.path("state").asText().equals("BUILDING")
                && System.nanoTime() - t0 < b.options.catchUp.toNanos());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long read = (status.has("eventsRead") ? status.path("eventsRead") : status.path("events_read")).asLong();
        if (!status.path("state").asText().equals("ACTIVE") || read < onTopic) {
            b.table.error("rebuild " + generation + " ended " + status + "; the topic holds " + onTopic);
        }
        long r0 = System.nanoTime();
        long rows = raw(2);
        double rawSeconds = (System.nanoTime() - r0) / 1e9;
        b.table.add("4 rebuild", "scorecard rebuild of " + read + " events in " + Table.f(seconds, "s") + "; raw: "
                        + rows + " rows in " + Table.f(rawSeconds, "s"), Table.f(read / seconds, "events/s"),
                Table.f(rows / rawSeconds, "rows/s"), Table.ratio(read / seconds, rows / rawSeconds), "≥ 0.30",
                Table.met(read, rows, read / seconds >= 0.3 * rows / rawSeconds));
    }

    /** Reads the whole topic, to its end offsets at the start, with {@code readers} threads: rows written. */
    private long raw(int readers) throws Exception {
        try (Connection c = s.ownDatabase()) {
            c.createStatement().execute("create table raw_rebuild (event_id text primary key, "
                    + "engagement_id text not null, type text not null, payload bytea not null)");
        }
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, byte[]> probe = Kafka.consumer(s.bootstrap())) {
            ends = probe.endOffsets(Kafka.partitions(probe, TOPIC));
        }
        List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
        AtomicLong rows = new AtomicLong();
        b.parallel(readers, r -> {
            List<TopicPartition> share = partitions.subList(r * partitions.size() / readers,
                    (r + 1) * partitions.size() / readers);
            try (KafkaConsumer<String, byte[]> consumer = Kafka.consumer(s.bootstrap());
                 Connection c = s.ownDatabase(); PreparedStatement insert = c.prepareStatement(
                         "insert into raw_rebuild (event_id, engagement_id, type, payload) values (?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                consumer.assign(share);
                consumer.seekToBeginning(share);
                while (share.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                            insert.setString(1, new String(record.headers().lastHeader("ce_id").value(), UTF_8));
                            insert.setString(2, record.key());
                            insert.setString(3, new String(record.headers().lastHeader("ce_type").value(), UTF_8));
                            insert.setBytes(4, record.value());
                            insert.addBatch();
                            rows.incrementAndGet();
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
        });
        return rows.get();
    }
}
