package com.engagementledger.scorecard.consuming;

import com.engagementledger.support.consuming.WaitOutTheDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;

/**
 * Topics, and what happens to a message that cannot be applied: retries with backoff, then the dead-letter topic;
 * while the database cannot be reached, retries without end instead.
 */
@Configuration
class KafkaConfig {
    static final String REASON_HEADER = "ledger_dlt_reason";

    @Bean
    NewTopic eventsTopic(@Value("${ledger.kafka.topic}") String topic, @Value("${ledger.kafka.partitions}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${ledger.kafka.topic}") String topic,
                             @Value("${ledger.kafka.partitions}") int partitions) {
        return TopicBuilder.name(topic + ".dlt").partitions(partitions).build();
    }

    @Bean
    CommonErrorHandler errorHandler(KafkaTemplate<Object, Object> template,
                                    @Value("${ledger.kafka.retry.initial-interval:500ms}") java.time.Duration initial,
                                    @Value("${ledger.kafka.retry.max-elapsed:10s}") java.time.Duration maxElapsed,
                                    @Value("${ledger.kafka.retry.database-unavailable-interval:5s}")
                                    java.time.Duration databaseRetry) {
        // the dead letter keeps the key, so it stays with its engagement; Kafka picks the partition
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + ".dlt", -1));
        recoverer.setHeadersFunction((record, e) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8)));
            return headers;
        });
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // a bad body stays bad: dead-letter it at once
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        // our database down (or momentarily refusing) is not the message's fault: wait, never dead-letter (skip) it
        handler.setBackOffFunction(new WaitOutTheDatabase(databaseRetry));
        return handler;
    }

    /**
     * Offsets are committed without waiting for the group coordinator's answer, so the next poll does not wait for
     * it: a commit lost in a crash or a rebalance only redelivers events that the processed-event record turns into
     * no-ops.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asynchronousOffsetCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof PoisonMessageException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
