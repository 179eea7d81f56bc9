package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.embedded.LedgerInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real consumer of engagement.events.v1 for tests: reads every partition from offsets taken before the test's
 * commands and keeps only the messages of the engagements it created (other tests share the topic), deserialized by
 * the CloudEvents SDK.
 */
final class LedgerTopic implements AutoCloseable {
    private final KafkaConsumer<String, CloudEvent> consumer;
    private final Set<String> engagementIds;
    private final List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();

    /**
     * Reads what was published from the given offsets on: {@link #ends()} taken before the test's commands. Other
     * tests' engagements share the partitions: ExportMemoryTest puts 100,000 events of one engagement on one
     * partition, and a test reading from the beginning right after it spent most of its time getting through them
     * (PublicationRoundTripTest 35.6 s, from the offsets taken before 13.5 s; LoneCommandPublicationTest once timed
     * out after 30 s in the full suite).
     */
    LedgerTopic(Collection<String> engagementIds, Map<TopicPartition, Long> from) {
        this.engagementIds = Set.copyOf(engagementIds);
        this.consumer = consumer(new CloudEventDeserializer());
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
    }

    /** The current end offset of every partition of the topic. */
    static Map<TopicPartition, Long> ends() {
        try (KafkaConsumer<String, byte[]> probe = consumer(new ByteArrayDeserializer())) {
            return probe.endOffsets(partitions(probe), Duration.ofSeconds(30));
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LedgerInfrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publishing-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        return consumer.partitionsFor(LedgerCloudEvents.EVENTS_TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Polls until the messages received so far satisfy the condition, or fails after the timeout. */
    List<ConsumerRecord<String, CloudEvent>> awaitUntil(Predicate<List<ConsumerRecord<String, CloudEvent>>> done,
                                                        Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; received "
                        + received.size() + " messages of " + engagementIds);
            }
            poll(Duration.ofMillis(500));
        }
        return List.copyOf(received);
    }

    /** Polls for a while and returns what arrived so far. */
    List<ConsumerRecord<String, CloudEvent>> pollFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(received);
    }

    private void poll(Duration wait) {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(wait)) {
            if (engagementIds.contains(record.key())) {
                received.add(record);
            }
        }
    }

    /** Each message's ce_id, in arrival order. */
    static Set<String> ids(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(r -> r.value().getId()).collect(Collectors.toSet());
    }

    /** The event ids the store holds for these engagements, by engagement, in global order. */
    static Map<String, List<String>> stored(JdbcClient jdbc, Collection<String> engagementIds) {
        Map<String, List<String>> byEngagement = new LinkedHashMap<>();
        for (String engagementId : engagementIds) {
            byEngagement.put(engagementId, jdbc.sql("""
                            select event_identifier from engagement_event where engagement_id = ?
                            order by global_index""")
                    .param(engagementId).query(String.class).list());
        }
        return byEngagement;
    }

    static long extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        if (value == null) {
            throw new AssertionError("extension " + name + " missing on " + event.getId());
        }
        return Long.parseLong(value.toString());
    }

    /** What arrived for one engagement, judged the way a consumer that de-duplicates by ce_id sees it. */
    record Delivery(String engagementId, int messages, int duplicates, List<String> missing, boolean inOrder) {
    }

    /**
     * Per engagement: the first copy of each ce_id must come in increasing global position (and per aggregate in
     * increasing sequence); every stored event must be there; re-sent copies are counted, not failed.
     */
    static List<Delivery> deliveries(List<ConsumerRecord<String, CloudEvent>> records,
                                     Map<String, List<String>> stored) {
        List<Delivery> result = new ArrayList<>();
        stored.forEach((engagementId, storedIds) -> {
            Set<String> seen = new java.util.HashSet<>();
            long lastPosition = Long.MIN_VALUE;
            Map<String, Long> lastSequence = new java.util.HashMap<>();
            boolean inOrder = true;
            int messages = 0;
            for (ConsumerRecord<String, CloudEvent> record : records) {
                if (!record.key().equals(engagementId)) {
                    continue;
                }
                messages++;
                CloudEvent event = record.value();
                if (!seen.add(event.getId())) {
                    continue;
                }
                long position = extension(event, LedgerCloudEvents.EXT_GLOBAL_POSITION);
                long sequence = extension(event, LedgerCloudEvents.EXT_AGGREGATE_SEQUENCE);
                String aggregate = String.valueOf(event.getExtension(LedgerCloudEvents.EXT_AGGREGATE_ID));
                inOrder &= position > lastPosition && sequence > lastSequence.getOrDefault(aggregate, -1L);
                lastPosition = position;
                lastSequence.put(aggregate, sequence);
            }
            List<String> missing = storedIds.stream().filter(id -> !seen.contains(id)).toList();
            result.add(new Delivery(engagementId, messages, messages - seen.size(), missing, inOrder));
        });
        return result;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
