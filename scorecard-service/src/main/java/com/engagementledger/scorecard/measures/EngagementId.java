package com.engagementledger.scorecard.measures;

import java.util.Objects;

/**
 * An engagement's id, the key of all its facts. Typed so that it cannot be passed where another id is meant; a plain
 * string at the JSON and SQL edges.
 */
public record EngagementId(String value) {
    public EngagementId {
        Objects.requireNonNull(value, "EngagementId");
    }

    @Override
    public String toString() {
        return value;
    }
}
