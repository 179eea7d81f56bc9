package com.engagementledger.engagement.audit;

import com.engagementledger.audit.LinkHash;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.audit.CanonicalEvent;
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
 * One call per engagement and transaction, whatever its number of events: the database function link_events
 * (migration V25) locks the chain head, hashes the links in order (PostgreSQL's sha256 over the same bytes
 * {@link LinkHash} hashes for version {@value LinkHash#CURRENT}: position, type and the canonical form's exact
 * text), writes them and the index rows, and moves the head.
 */
@Component
@ProcessingGroup(ChainAppender.GROUP)
class ChainAppender {
    static final String GROUP = "audit-chain";

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

    /** Links an engagement's events of this transaction, in the order they were appended (link_events, migration V25). */
    private void link(String engagementId, List<Appended> appended) {
        jdbc.sql("select link_events(?, ?, ?, ?)")
                .params(engagementId, appended.stream().map(Appended::eventId).toArray(String[]::new),
                        appended.stream().map(Appended::type).toArray(String[]::new),
                        appended.stream().map(Appended::canonical).toArray(String[]::new))
                .query(Long.class).single();
    }
}
