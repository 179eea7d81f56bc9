package com.engagementledger.engagement.decision;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** A decision's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record DecisionId(String value) {
    public DecisionId {
        Objects.requireNonNull(value, "DecisionId");
    }

    public static DecisionId newId() {
        return new DecisionId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static DecisionId orNull(String value) {
        return value == null ? null : new DecisionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
