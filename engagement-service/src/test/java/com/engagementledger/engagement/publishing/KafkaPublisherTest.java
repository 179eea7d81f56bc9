package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No fire-and-forget: when Kafka does not acknowledge a send, the batch's unit of work fails and rolls back, so
 * the processor keeps its token and sends the same events again instead of skipping them.
 */
class KafkaPublisherTest {
    private final LedgerEventProducer producer = new LedgerEventProducer(unreachableKafka(),
            new PublishingProperties(6, (short) 1, Duration.ofSeconds(1), Duration.ofMillis(500),
                    Duration.ofMillis(500), Duration.ofMillis(5)), new SimpleMeterRegistry());
    /** The event's stored position, as the event store would answer it. */
    private final StoredPositions positions = new StoredPositions(null) {
        @Override
        Map<String, Long> of(Collection<String> eventIds) {
            return eventIds.stream().collect(Collectors.toMap(id -> id, id -> 42L));
        }
    };
    private final KafkaPublisher publisher = new KafkaPublisher(producer, positions);

    @AfterEach
    void closeProducer() {
        producer.destroy();
    }

    @Test
    void a_batch_that_kafka_did_not_acknowledge_rolls_back_instead_of_advancing_the_token() {
        GenericDomainEventMessage<EngagementPaused> message = new GenericDomainEventMessage<>("Engagement", "e-1", 3,
                new EngagementPaused("e-1", "holiday"));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(message);

        ResultMessage<Object> outcome = batch.executeWithResult(() -> {
            publisher.on(message.getPayload(), message);
            return null;
        });

        assertThat(outcome.isExceptional()).as("the batch fails").isTrue();
        assertThat(outcome.exceptionResult()).isInstanceOf(KafkaPublisher.PublicationFailed.class);
        assertThat(batch.isRolledBack()).as("the batch (and with it the token update) is rolled back").isTrue();
    }

    private static KafkaProperties unreachableKafka() {
        KafkaProperties properties = new KafkaProperties();
        // nothing listens on port 1: metadata never arrives and the bounded max.block makes the send fail fast
        properties.setBootstrapServers(List.of("127.0.0.1:1"));
        return properties;
    }
}
