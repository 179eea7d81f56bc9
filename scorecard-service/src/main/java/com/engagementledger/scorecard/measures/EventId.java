package com.engagementledger.scorecard.measures;

import java.util.Objects;

/**
 * A ledger event's id (its ce_id): what evidence is made of. Typed so that it cannot be passed where the id of a fact
 * (a work item, an engineer) is meant; a plain string at the JSON and SQL edges.
 */
public record EventId(String value) implements Comparable<EventId> {
    public EventId {
        Objects.requireNonNull(value, "EventId");
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
