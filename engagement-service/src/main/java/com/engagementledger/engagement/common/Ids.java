package com.engagementledger.engagement.common;

import java.util.UUID;

/** Identifiers are server-generated UUIDs; clients retry safely with an Idempotency-Key instead of choosing ids. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A typed id's text form, as events carry it; an absent reference stays null. */
    public static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
