package com.engagementledger.engagement.view;

import com.engagementledger.contract.LedgerEvent;

import java.util.Optional;

/**
 * How one kind of resource's current state is folded from its events. Pure: the same events give the same view,
 * which is what lets the audit rebuild a view as it stood at any instant.
 */
public interface ViewFold<V> {

    /** The kind of resource, e.g. {@code decision}; also the first part of its key in the view table. */
    String kind();

    Class<V> type();

    /** The id of the view this event changes, or empty if it does not concern this kind. */
    Optional<String> idOf(LedgerEvent event);

    /** The new state; {@code current} is null for the first event of the resource. */
    V apply(V current, LedgerEvent event, EventContext context);
}
