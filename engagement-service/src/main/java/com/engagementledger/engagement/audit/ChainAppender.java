package com.engagementledger.engagement.audit;

import com.engagementledger.contract.EventCatalog;
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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indexes every stored event under its engagement (engagement_event, where the audit's history and asOf start) and
 * links it into the engagement's hash chain. It runs in a subscribing processor, i.e. inside the transaction that
 * appends the event, so an event is never committed without its index row and link (a failure here rolls the
 * command back). The hash is computed from the row as stored, so it covers exactly the bytes a verifier will read.
 * <p>
 * The rows are written just before that transaction commits, not when each event is handled: by then every
 * aggregate lock of the request is released, so waiting for an engagement's chain head can never close a cycle
 * with a command waiting for an aggregate (e.g. accepting a successor that supersedes a decision someone else is
 * reversing). It also keeps chain order close to commit order.
 * <p>
 * Two statements per engagement and transaction, whatever its number of events: one locks the chain head and reads
 * the stored rows, one writes the links and index rows and moves the head. Two thirds of PostgreSQL's CPU per
 * command lay outside planning and executing statements, i.e. in their number (BENCHMARKS.md, "PostgreSQL's
 * account of a command").
 */
@Component
@ProcessingGroup(ChainAppender.GROUP)
class ChainAppender {
    static final String GROUP = "audit-chain";

    private final JdbcClient jdbc;

    ChainAppender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event appended in this transaction: its identifier and its published type name, for the index. */
    private record Appended(String eventId, String type) {
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        Appended appended = new Appended(message.getIdentifier(), EventCatalog.typeName(event.getClass()));
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

    private record Head(long seq, String hash) {
    }

    /** A stored row read back under the head's lock ({@link StoredEvents#row}'s columns, then the head's). */
    private record Stored(Head head, long globalIndex, CanonicalEvent event) {
        static Stored read(ResultSet rs, int n) throws SQLException {
            Head head = new Head(rs.getLong("chain_seq"), rs.getString("hash"));
            if (rs.getObject("global_index") == null) {
                return new Stored(head, -1, null);
            }
            StoredEvents.Row row = StoredEvents.row(rs, n);
            return new Stored(head, row.globalIndex(), row.event());
        }
    }

    /** Links an engagement's events of this transaction, in the order they were appended. */
    private void link(String engagementId, List<Appended> appended) {
        String[] ids = appended.stream().map(Appended::eventId).toArray(String[]::new);
        Map<String, Stored> stored = lockHeadAndRead(engagementId, ids);
        Head head = stored.values().iterator().next().head();
        int n = ids.length;
        long[] seqs = new long[n];
        long[] positions = new long[n];
        long[] aggregateSequences = new long[n];
        String[] aggregates = new String[n];
        String[] types = new String[n];
        String[] recordedAt = new String[n];
        String[] prevs = new String[n];
        String[] hashes = new String[n];
        String prev = head.hash();
        for (int i = 0; i < n; i++) {
            Stored row = stored.get(ids[i]);
            if (row == null) {
                throw new IllegalStateException("event " + ids[i] + " is not in the store of this transaction");
            }
            seqs[i] = head.seq() + i + 1;
            positions[i] = row.globalIndex();
            aggregates[i] = row.event().aggregateId();
            aggregateSequences[i] = row.event().sequence();
            types[i] = appended.get(i).type();
            recordedAt[i] = row.event().recordedAt();
            prevs[i] = prev;
            hashes[i] = row.event().hash(prev);
            prev = hashes[i];
        }
        jdbc.sql("""
                        with link as (
                          insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash)
                          select :engagement, l.* from unnest(:seqs, :positions, :ids, :prevs, :hashes) as l),
                        indexed as (
                          insert into engagement_event (global_index, engagement_id, event_identifier,
                            aggregate_identifier, sequence_number, event_type, recorded_at)
                          select e.position, :engagement, e.id, e.aggregate, e.sequence, e.type, cast(e.at as timestamptz)
                          from unnest(:positions, :ids, :aggregates, :aggregateSequences, :types, :recordedAt)
                            as e(position, id, aggregate, sequence, type, at))
                        update event_chain_head set chain_seq = :seq, hash = :hash where engagement_id = :engagement""")
                .param("engagement", engagementId).param("seqs", seqs).param("positions", positions)
                .param("ids", ids).param("prevs", prevs).param("hashes", hashes)
                .param("aggregates", aggregates).param("aggregateSequences", aggregateSequences)
                .param("types", types).param("recordedAt", recordedAt)
                .param("seq", seqs[n - 1]).param("hash", hashes[n - 1])
                .update();
    }

    /**
     * Locks the engagement's chain head (creating it on the first event) and reads the stored rows of {@code ids},
     * by event id. The upsert's lock makes concurrent appends to one engagement serialize here, so each link names
     * the one before it; its do-update changes nothing and answers the head as it stands.
     */
    private Map<String, Stored> lockHeadAndRead(String engagementId, String[] ids) {
        Map<String, Stored> stored = new HashMap<>();
        // one event (nearly every command) is looked up with "=": PostgreSQL keeps the generic plan of that
        // statement, while for "= any(?)" it plans with the values every time (0.1 ms of its CPU per command)
        boolean one = ids.length == 1;
        jdbc.sql("""
                        with head as (
                          insert into event_chain_head (engagement_id, chain_seq, hash) values (?, 0, ?)
                          on conflict (engagement_id) do update set chain_seq = event_chain_head.chain_seq
                          returning chain_seq, hash)
                        select\s""" + StoredEvents.ROW_COLUMNS + ", head.chain_seq, head.hash"
                        + " from head left join domain_event_entry d on d.event_identifier "
                        + (one ? "= ?" : "= any(?)"))
                .params(engagementId, CanonicalEvent.GENESIS, one ? ids[0] : ids)
                .query(Stored::read)
                .list()
                .forEach(row -> stored.put(row.event() == null ? null : row.event().eventId(), row));
        return stored;
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
