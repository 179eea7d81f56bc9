package com.engagementledger.engagement.audit;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.audit.chain.CanonicalEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indexes every stored event under its engagement (engagement_event, where the audit's history and asOf start) and
 * links it into the engagement's hash chain. It runs in a subscribing processor, i.e. inside the transaction that
 * appends the event, so an event is never committed without its index row and link (a failure here rolls the
 * command back).
 * <p>
 * The hash covers the event as stored: its canonical form is built from the very bytes the event store wrote (the
 * message keeps its serialized payload and metadata) and the time stamp text it wrote, which is what a verifier
 * reads back. The rows are written just before the transaction commits, not when each event is handled: by then
 * every aggregate lock of the request is released, so waiting for an engagement's chain head can never close a
 * cycle with a command waiting for an aggregate (e.g. accepting a successor that supersedes a decision someone else
 * is reversing).
 * <p>
 * One statement per engagement and transaction, whatever its number of events: it locks the chain head, hashes the
 * links in order (PostgreSQL's sha256 over the same text {@link CanonicalEvent#hash} hashes), writes them and the
 * index rows, and moves the head.
 */
@Component
@ProcessingGroup(ChainAppender.GROUP)
class ChainAppender {
    static final String GROUP = "audit-chain";

    private static final String LINK = """
            with recursive head as (
              select chain_seq, hash from event_chain_head where engagement_id = :engagement for update),
            appended as (
              select e.n, e.id, e.type, e.canonical, d.global_index, d.aggregate_identifier, d.sequence_number,
                     d.time_stamp
              from unnest(cast(:ids as text[]), cast(:types as text[]), cast(:canonicals as text[]))
                     with ordinality as e(id, type, canonical, n)
              join domain_event_entry d on d.event_identifier = e.id),
            link (n, seq, prev, hash) as (
              select cast(0 as bigint), chain_seq, cast(null as text), cast(hash as text) from head
              union all
              select a.n, link.seq + 1, link.hash,
                     encode(sha256(convert_to(link.hash || E'\\n' || a.canonical, 'UTF8')), 'hex')
              from link join appended a on a.n = link.n + 1),
            linked as (
              insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash)
              select :engagement, l.seq, a.global_index, a.id, l.prev, l.hash
              from link l join appended a on a.n = l.n),
            indexed as (
              insert into engagement_event (global_index, engagement_id, event_identifier, aggregate_identifier,
                                            sequence_number, event_type, recorded_at)
              select a.global_index, :engagement, a.id, a.aggregate_identifier, a.sequence_number, a.type,
                     cast(a.time_stamp as timestamptz)
              from link l join appended a on a.n = l.n)
            update event_chain_head h set chain_seq = l.seq, hash = l.hash
            from link l where h.engagement_id = :engagement and l.n = :count""";

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ChainAppender(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** An event appended in this transaction: its identifier, published type name and canonical JSON. */
    private record Appended(String eventId, String type, String canonical) {
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        Appended appended = new Appended(message.getIdentifier(), EventCatalog.typeName(event.getClass()),
                canonical(message).canonicalJson());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            link(event.engagementId(), List.of(appended));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.computeIfAbsent(event.engagementId(), e -> new ArrayList<>()).add(appended);
    }

    /** The event as the store holds it: the bytes it serialized (cached on the message) and its time stamp text. */
    private CanonicalEvent canonical(DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(serializer, byte[].class);
        return new CanonicalEvent(message.getIdentifier(), payload.getType().getName(),
                message.getAggregateIdentifier(), message.getSequenceNumber(),
                DateTimeUtils.formatInstant(message.getTimestamp()), CanonicalEvent.parse(metaData.getData()),
                CanonicalEvent.parse(payload.getData()));
    }

    /** The events a transaction appended, by engagement (sorted, so two transactions lock heads in one order). */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, List<Appended>> events = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            events.forEach(ChainAppender.this::link);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChainAppender.this);
        }
    }

    /** Links an engagement's events of this transaction, in the order they were appended. */
    private void link(String engagementId, List<Appended> appended) {
        if (linkUnderHead(engagementId, appended) == 1) {
            return;
        }
        // an engagement's first event: its chain starts at the genesis hash
        jdbc.sql("""
                        insert into event_chain_head (engagement_id, chain_seq, hash) values (?, 0, ?)
                        on conflict (engagement_id) do nothing""")
                .params(engagementId, CanonicalEvent.GENESIS).update();
        if (linkUnderHead(engagementId, appended) != 1) {
            throw new IllegalStateException("events " + appended.stream().map(Appended::eventId).toList()
                    + " of engagement " + engagementId + " are not in the store of this transaction");
        }
    }

    /** 1 when the links were written; 0 when the engagement has no chain head yet (or an event is missing). */
    private int linkUnderHead(String engagementId, List<Appended> appended) {
        return jdbc.sql(LINK)
                .param("engagement", engagementId)
                .param("ids", appended.stream().map(Appended::eventId).toArray(String[]::new))
                .param("types", appended.stream().map(Appended::type).toArray(String[]::new))
                .param("canonicals", appended.stream().map(Appended::canonical).toArray(String[]::new))
                .param("count", appended.size())
                .update();
    }
}
