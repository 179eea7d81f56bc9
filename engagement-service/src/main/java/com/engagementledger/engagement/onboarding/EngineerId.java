package com.engagementledger.engagement.onboarding;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** An engineer's identity on an engagement; its text form is what events and the API carry (and what Axon routes the command by). */
record EngineerId(String value) {
    public EngineerId {
        Objects.requireNonNull(value, "EngineerId");
    }

    public static EngineerId newId() {
        return new EngineerId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static EngineerId orNull(String value) {
        return value == null ? null : new EngineerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
