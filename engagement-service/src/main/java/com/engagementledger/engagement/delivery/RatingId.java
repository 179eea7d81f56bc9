package com.engagementledger.engagement.delivery;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** A satisfaction rating's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record RatingId(String value) {
    public RatingId {
        Objects.requireNonNull(value, "RatingId");
    }

    public static RatingId newId() {
        return new RatingId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static RatingId orNull(String value) {
        return value == null ? null : new RatingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
