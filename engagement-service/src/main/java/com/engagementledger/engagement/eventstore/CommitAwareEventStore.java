package com.engagementledger.engagement.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, waking its tracking processors (the Kafka publisher) when the database transaction
 * that stored the events has committed.
 * <p>
 * Axon wakes them when its unit of work commits. A REST command runs its unit of work inside a wider Spring
 * transaction (the Idempotency-Key record, the views and the answer commit together), so at that moment the events
 * are not yet visible: the store's producer reads nothing and sleeps until its next periodic fetch (1 s) or until
 * the next command wakes it. A lone command then waited up to a second to reach Kafka, and under load every event
 * waited for the command after it. Deferring the wake-up to after the commit removes that wait.
 */
class CommitAwareEventStore extends EmbeddedEventStore {
    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(events);
                }
            });
        } else {
            wake(events);
        }
    }

    private void wake(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
