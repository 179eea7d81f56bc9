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

/**
 * Links every stored event into its engagement's hash chain. It runs in a subscribing processor, i.e. inside the
 * transaction that appends the event, so an event is never committed without its link (a failure here rolls the
 * command back). The hash is computed from the row as stored, so it covers exactly the bytes a verifier will read.
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
        StoredEvents.Row row = jdbc.sql(StoredEvents.ROW_SELECT + " where d.event_identifier = ?")
                .params(message.getIdentifier())
                .query(StoredEvents::row).single();
        append(event.engagementId(), row.globalIndex(), row.event());
    }

    /**
     * Locks the engagement's chain head (creating it on the first event), so concurrent appends to one engagement
     * serialize here and each link names the one before it.
     */
    void append(String engagementId, long globalIndex, CanonicalEvent event) {
        jdbc.sql("insert into event_chain_head (engagement_id, chain_seq, hash) values (?, 0, ?) on conflict do nothing")
                .params(engagementId, CanonicalEvent.GENESIS).update();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select chain_seq, hash from event_chain_head where engagement_id = ? for update")
                .params(engagementId).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String hash = event.hash(head.hash());
        long seq = head.seq() + 1;
        jdbc.sql("""
                        insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(engagementId, seq, globalIndex, event.eventId(), head.hash(), hash).update();
        jdbc.sql("update event_chain_head set chain_seq = ?, hash = ? where engagement_id = ?")
                .params(seq, hash, engagementId).update();
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
