package com.engagementledger.intake.processing;

import com.engagementledger.intake.inbox.Delivery;
import com.engagementledger.intake.inbox.Inbox;
import com.engagementledger.intake.inbox.Outcome;
import com.engagementledger.intake.ledger.EngagementServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works through the inbox, one connection at a time and each connection's deliveries in the order they arrived. A
 * delivery is processed in one transaction that holds the connection's lock (another instance skips the
 * connection) and writes the outcome and the links together. When engagement-service cannot be reached the
 * transaction is rolled back, the attempt noted and the connection's deliveries wait, the failed one first; the
 * commands already sent are sent again with the same Idempotency-Keys, so nothing is recorded twice.
 */
@Component
class InboxWorker {
    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final DeliveryProcessor processor;
    private final TransactionTemplate transaction;
    private final WorkerProperties properties;
    private final Clock clock;
    private final Map<UUID, Instant> waitingUntil = new ConcurrentHashMap<>();

    InboxWorker(Inbox inbox, DeliveryProcessor processor, TransactionTemplate transaction,
                WorkerProperties properties, Clock clock) {
        this.inbox = inbox;
        this.processor = processor;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.intake.worker.poll-interval}")
    void poll() {
        for (UUID connection : inbox.connectionsWithPending()) {
            Instant until = waitingUntil.get(connection);
            if (until != null && clock.instant().isBefore(until)) {
                continue;
            }
            waitingUntil.remove(connection);
            for (int i = 0; i < properties.batchSize(); i++) {
                if (!processNext(connection)) {
                    break;
                }
            }
        }
    }

    /** Processes the connection's next delivery; false when there is none, it is locked, or it must wait. */
    private boolean processNext(UUID connection) {
        long[] current = {-1};
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                Optional<Delivery> next = inbox.lockNext(connection);
                if (next.isEmpty()) {
                    return false;
                }
                current[0] = next.get().seq();
                Outcome outcome = processor.process(next.get());
                inbox.record(next.get().seq(), outcome);
                return true;
            }));
        } catch (RuntimeException e) {
            String why = e instanceof EngagementServiceUnavailable ? e.getMessage() : e.toString();
            if (e instanceof EngagementServiceUnavailable) {
                log.info("connection {}: deliveries wait, {}", connection, why);
            } else {
                log.warn("connection {}: delivery {} could not be processed, it waits", connection, current[0], e);
            }
            if (current[0] >= 0) {
                inbox.attemptFailed(current[0], why);
            }
            waitingUntil.put(connection, clock.instant().plus(properties.retryInterval()));
            return false;
        }
    }
}
