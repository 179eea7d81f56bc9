package com.engagementledger.engagement.incident;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** An incident's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record IncidentId(String value) {
    public IncidentId {
        Objects.requireNonNull(value, "IncidentId");
    }

    public static IncidentId newId() {
        return new IncidentId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static IncidentId orNull(String value) {
        return value == null ? null : new IncidentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
