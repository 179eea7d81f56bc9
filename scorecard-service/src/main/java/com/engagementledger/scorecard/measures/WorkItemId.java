package com.engagementledger.scorecard.measures;

import java.util.Objects;

/**
 * A work item's id: what a reopening refers to. Typed so that it cannot be passed where another id is meant; a plain
 * string at the JSON and SQL edges.
 */
public record WorkItemId(String value) {
    public WorkItemId {
        Objects.requireNonNull(value, "WorkItemId");
    }

    @Override
    public String toString() {
        return value;
    }
}
