package com.engagementledger.engagement.view;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.common.Metadata;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps resource_view and engagement_event current. It runs in a subscribing processor, i.e. inside the transaction
 * that appends the events, so a successful command is immediately visible to GET and no view lags the store.
 */
@Component
@ProcessingGroup("views")
class ViewProjection {
    private final List<ViewFold<?>> folds;
    private final ViewStore store;
    private final JdbcClient jdbc;

    ViewProjection(List<ViewFold<?>> folds, ViewStore store, JdbcClient jdbc) {
        this.folds = folds;
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        EventContext context = new EventContext(message.getIdentifier(), message.getSequenceNumber(),
                recordedAt(message), (String) message.getMetaData().get(Metadata.ACTOR),
                (String) message.getMetaData().get(Metadata.ACTOR_SIDE));
        indexEvent(event, message);
        for (ViewFold<?> fold : folds) {
            fold.idOf(event).ifPresent(id -> apply(fold, id, event, context));
        }
    }

    private <V> void apply(ViewFold<V> fold, String id, LedgerEvent event, EventContext context) {
        V current = store.find(fold.kind(), id, fold.type()).map(ViewStore.Stored::state).orElse(null);
        V next = fold.apply(current, event, context);
        store.save(fold.kind(), id, event.engagementId(), context.sequence(), next, context.recordedAt());
    }

    /**
     * The time as the event store keeps it (its time_stamp text has millisecond precision), not the message's finer
     * clock reading: views and the audit's as-of rebuild from the store must show the same instant.
     */
    static Instant recordedAt(DomainEventMessage<?> message) {
        return DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(message.getTimestamp()));
    }

    /** The event store has already inserted the row in this transaction, so its global index can be read back. */
    private void indexEvent(LedgerEvent event, DomainEventMessage<?> message) {
        jdbc.sql("""
                        insert into engagement_event (global_index, engagement_id, event_identifier,
                          aggregate_identifier, sequence_number, event_type, recorded_at)
                        select global_index, ?, event_identifier, aggregate_identifier, sequence_number, ?, ?
                        from domain_event_entry where event_identifier = ?""")
                .params(event.engagementId(), EventCatalog.typeName(event.getClass()),
                        Timestamp.from(recordedAt(message)), message.getIdentifier())
                .update();
    }
}
