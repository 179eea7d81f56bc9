package com.engagementledger.engagement.audit;

import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.audit.chain.CanonicalEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links every stored event into its engagement's hash chain. It runs in a subscribing processor, i.e. inside the
 * transaction that appends the event, so an event is never committed without its link (a failure here rolls the
 * command back). The hash is computed from the row as stored, so it covers exactly the bytes a verifier will read.
 * <p>
 * The links are written just before that transaction commits, not when each event is handled: by then every
 * aggregate lock of the request is released, so waiting for an engagement's chain head can never close a cycle
 * with a command waiting for an aggregate (e.g. accepting a successor that supersedes a decision someone else is
 * reversing). It also keeps chain order close to commit order.
 */
@Component
@ProcessingGroup(ChainAppender.GROUP)
class ChainAppender {
    static final String GROUP = "audit-chain";

    private final JdbcClient jdbc;

    ChainAppender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            link(event.engagementId(), message.getIdentifier());
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.computeIfAbsent(event.engagementId(), e -> new ArrayList<>()).add(message.getIdentifier());
    }

    /** The events a transaction appended, by engagement (sorted, so two transactions lock heads in one order). */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, List<String>> events = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            events.forEach((engagementId, ids) -> ids.forEach(id -> link(engagementId, id)));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChainAppender.this);
        }
    }

    private void link(String engagementId, String eventIdentifier) {
        StoredEvents.Row row = jdbc.sql(StoredEvents.ROW_SELECT + " where d.event_identifier = ?")
                .params(eventIdentifier)
                .query(StoredEvents::row).single();
        append(engagementId, row.globalIndex(), row.event());
    }

    /**
     * Locks the engagement's chain head (creating it on the first event), so concurrent appends to one engagement
     * serialize here and each link names the one before it. Two statements: the upsert locks the head and answers
     * it as it stands (its do-update changes nothing), then one statement stores the link and moves the head.
     */
    void append(String engagementId, long globalIndex, CanonicalEvent event) {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("""
                        insert into event_chain_head (engagement_id, chain_seq, hash) values (?, 0, ?)
                        on conflict (engagement_id) do update set chain_seq = event_chain_head.chain_seq
                        returning chain_seq, hash""")
                .params(engagementId, CanonicalEvent.GENESIS)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String hash = event.hash(head.hash());
        long seq = head.seq() + 1;
        jdbc.sql("""
                        with link as (
                          insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash)
                          values (:engagement, :seq, :globalIndex, :event, :prev, :hash))
                        update event_chain_head set chain_seq = :seq, hash = :hash where engagement_id = :engagement""")
                .param("engagement", engagementId).param("seq", seq).param("globalIndex", globalIndex)
                .param("event", event.eventId()).param("prev", head.hash()).param("hash", hash)
                .update();
    }

    /** The chain's processor is subscribing (same transaction) and propagates failures, whatever application.yml says. */
    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfig {
        @Bean
        ConfigurerModule auditChainProcessor() {
            return configurer -> configurer.eventProcessing()
                    .registerSubscribingEventProcessor(GROUP)
                    .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
        }
    }
}
