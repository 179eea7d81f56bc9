package com.engagementledger.notification.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One lifecycle change, published inside the transaction that made it so that listeners (webhook fan-out) write
 * their rows atomically with it. seq is the alert-change sequence: the SSE id and the outbox order.
 */
public record AlertChanged(long seq, UUID changeId, String changeType, AlertView alert, Instant at) {
    public static final String OPENED = "opened";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";

    /** The CloudEvents type of this change, e.g. ledger.governance.alert-opened.v1. */
    public String cloudEventType() {
        return "ledger.governance.alert-" + changeType + ".v1";
    }
}
