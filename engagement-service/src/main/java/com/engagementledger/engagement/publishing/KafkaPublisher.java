package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import io.cloudevents.CloudEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.KafkaException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends every stored ledger event to {@code engagement.events.v1}, keyed by engagement id. It runs in a streaming
 * processor whose token lives in the service's database, so the event store is the outbox: the sends of a batch
 * go out together, and the batch (token included) commits only after Kafka acknowledged every one of them. A
 * failure rolls the batch back and the processor retries it, so an event is published at least once, in order.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {
    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pending";

    private final LedgerEventProducer producer;

    KafkaPublisher(LedgerEventProducer producer) {
        this.producer = producer;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message, TrackingToken token) {
        long globalPosition = token.position().orElseThrow(() ->
                new IllegalStateException("the event store's token has no position: " + token));
        CloudEvent cloudEvent = LedgerCloudEventMapper.toCloudEvent(event, message, globalPosition);
        try {
            pendingSends().add(producer.send(LedgerCloudEvents.EVENTS_TOPIC, event.engagementId(), cloudEvent));
        } catch (KafkaException e) {
            // e.g. no metadata within max.block: fail the batch now rather than block on each of its events
            throw new PublicationFailed("Kafka refused event " + message.getIdentifier() + ": " + e.getMessage(), e);
        }
    }

    /** The sends of the current batch; before the batch commits, each must have been acknowledged. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
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
