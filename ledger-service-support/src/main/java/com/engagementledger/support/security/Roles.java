package com.engagementledger.support.security;

/** The roles a token's {@code roles} claim may name (DESIGN.md), and who may read and who may change. */
public final class Roles {
    public static final String LEAD = "LEAD";
    public static final String PARTNER = "PARTNER";
    public static final String AUDITOR = "AUDITOR";
    public static final String SERVICE = "SERVICE";
    public static final String ADMIN = "ADMIN";

    /** Any known role may read. */
    static final String[] READERS = {LEAD, PARTNER, AUDITOR, SERVICE, ADMIN};
    /** An AUDITOR reads, never changes. */
    static final String[] WRITERS = {LEAD, PARTNER, SERVICE, ADMIN};

    private Roles() {
    }
}
