package com.engagementledger.system.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Consumer-group offsets of the ledger topic, through Kafka's Admin API. */
public final class KafkaGroups implements AutoCloseable {
    private final Admin admin;
    private final SystemStack stack;

    public KafkaGroups(SystemStack stack) {
        this.stack = stack;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra().kafka().bootstrapServers()));
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin.describeTopics(List.of(SystemStack.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(SystemStack.TOPIC).partitions().stream()
                .map(p -> new TopicPartition(SystemStack.TOPIC, p.partition())).toList();
    }

    /** Moves the group back to offset 0 on every partition; the group must have no live member. */
    public void resetToBeginning(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> zero = partitions().stream()
                .collect(Collectors.toMap(Function.identity(), p -> new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, zero).all().get(30, TimeUnit.SECONDS);
    }

    /** Messages of the topic the group has not committed yet. */
    public long lag(String group) {
        return stack.infra().kafka().lag(group, SystemStack.TOPIC);
    }

    public long committedTotal(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    public void awaitNoLag(String group, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long lag;
        while ((lag = lag(group)) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("group " + group + " still " + lag + " behind after " + timeout.toSeconds()
                        + " s");
            }
            Waits.sleep(Duration.ofMillis(500));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
