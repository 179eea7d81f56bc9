package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import io.cloudevents.CloudEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.KafkaException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends every stored ledger event to {@code engagement.events.v1}, keyed by engagement id. It runs in a streaming
 * processor whose token lives in the service's database, so the event store is the outbox: the events of a batch are
 * sent together when the batch is about to commit, and the batch (token included) commits only after Kafka
 * acknowledged every one of them. A failure rolls the batch back and the processor retries it, so an event is
 * published at least once, in order. Each carries its own stored position ({@link StoredPositions}).
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {
    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String BATCH = KafkaPublisher.class.getName() + ".batch";

    private final LedgerEventProducer producer;
    private final StoredPositions positions;

    KafkaPublisher(LedgerEventProducer producer, StoredPositions positions) {
        this.producer = producer;
        this.positions = positions;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        batch().add(new Handled(event, message));
    }

    private record Handled(LedgerEvent event, DomainEventMessage<?> message) {
    }

    /** The events of the current batch, sent and awaited before it commits. */
    private List<Handled> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<Handled> batch = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> publish(batch));
            return batch;
        });
    }

    private void publish(List<Handled> batch) {
        Map<String, Long> stored = positions.of(batch.stream().map(h -> h.message().getIdentifier()).toList());
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (Handled handled : batch) {
            DomainEventMessage<?> message = handled.message();
            Long position = stored.get(message.getIdentifier());
            if (position == null) {
                // read from the store a moment ago; the retried batch reads the store again
                throw new PublicationFailed("event " + message.getIdentifier() + " is no longer stored", null);
            }
            CloudEvent cloudEvent = LedgerCloudEventMapper.toCloudEvent(handled.event(), message, position);
            try {
                sends.add(producer.send(LedgerCloudEvents.EVENTS_TOPIC, handled.event().engagementId(), cloudEvent));
            } catch (KafkaException e) {
                // e.g. no metadata within max.block: fail the batch now rather than block on each of its events
                throw new PublicationFailed("Kafka refused event " + message.getIdentifier() + ": " + e.getMessage(), e);
            }
        }
        awaitAll(sends);
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        long deadline = System.nanoTime() + producer.sendTimeout().toNanos();
        for (CompletableFuture<?> send : pending) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new PublicationFailed("Kafka did not acknowledge an event: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublicationFailed("Kafka did not acknowledge an event within " + producer.sendTimeout(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublicationFailed("interrupted while waiting for Kafka", e);
            }
        }
    }

    /** Rolls the batch back so that its events are sent again. */
    static class PublicationFailed extends RuntimeException {
        PublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
