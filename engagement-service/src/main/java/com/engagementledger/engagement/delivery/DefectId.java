package com.engagementledger.engagement.delivery;

import com.engagementledger.engagement.common.Ids;

import java.util.Objects;

/** A recorded defect's identity; its text form is what events and the API carry (and what Axon routes the command by). */
record DefectId(String value) {
    public DefectId {
        Objects.requireNonNull(value, "DefectId");
    }

    public static DefectId newId() {
        return new DefectId(Ids.newId());
    }

    /** An optional reference from a request body: null stays null. */
    public static DefectId orNull(String value) {
        return value == null ? null : new DefectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
