package com.engagementledger.engagement.delivery;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** A work item's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record WorkItemId(String value) {
    public WorkItemId {
        Objects.requireNonNull(value, "WorkItemId");
    }

    public static WorkItemId newId() {
        return new WorkItemId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static WorkItemId orNull(String value) {
        return value == null ? null : new WorkItemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
