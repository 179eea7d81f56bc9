package com.engagementledger.scorecard.measures;

import java.util.Objects;

/**
 * An engineer's id on an engagement. Typed so that it cannot be passed where another id is meant; a plain string at
 * the JSON and SQL edges.
 */
public record EngineerId(String value) {
    public EngineerId {
        Objects.requireNonNull(value, "EngineerId");
    }

    @Override
    public String toString() {
        return value;
    }
}
