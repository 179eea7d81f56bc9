package com.engagementledger.engagement.common;

import java.util.Objects;

/** An engagement's identity; its text form is what events and the API carry (and what Axon routes the command by). */
public record EngagementId(String value) {
    public EngagementId {
        Objects.requireNonNull(value, "EngagementId");
    }

    public static EngagementId newId() {
        return new EngagementId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static EngagementId orNull(String value) {
        return value == null ? null : new EngagementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
