package com.engagementledger.engagement.delivery;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** A release's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record ReleaseId(String value) {
    public ReleaseId {
        Objects.requireNonNull(value, "ReleaseId");
    }

    public static ReleaseId newId() {
        return new ReleaseId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static ReleaseId orNull(String value) {
        return value == null ? null : new ReleaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
