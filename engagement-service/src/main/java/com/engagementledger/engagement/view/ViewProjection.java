package com.engagementledger.engagement.view;

import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.common.Metadata;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Keeps resource_view current. It runs in a subscribing processor, i.e. inside the transaction that appends the
 * events, so a successful command is immediately visible to GET and no view lags the store. (The audit's
 * ChainAppender indexes each event under its engagement and links it, in the same transaction.)
 */
@Component
@ProcessingGroup("views")
class ViewProjection {
    private final List<ViewFold<?>> folds;
    private final ViewStore store;

    ViewProjection(List<ViewFold<?>> folds, ViewStore store) {
        this.folds = folds;
        this.store = store;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        EventContext context = new EventContext(message.getIdentifier(), message.getSequenceNumber(),
                recordedAt(message), (String) message.getMetaData().get(Metadata.ACTOR),
                (String) message.getMetaData().get(Metadata.ACTOR_SIDE));
        boolean created = message.getSequenceNumber() == 0;
        for (ViewFold<?> fold : folds) {
            fold.idOf(event).ifPresent(id -> apply(fold, id, created && id.equals(message.getAggregateIdentifier()),
                    event, context));
        }
    }

    /** A view shows one aggregate, so the first event of that aggregate finds no view to read. */
    private <V> void apply(ViewFold<V> fold, String id, boolean created, LedgerEvent event, EventContext context) {
        V current = created ? null
                : store.find(fold.kind(), id, fold.type()).map(ViewStore.Stored::state).orElse(null);
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
}
