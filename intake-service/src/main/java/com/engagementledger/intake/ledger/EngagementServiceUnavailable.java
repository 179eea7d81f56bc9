package com.engagementledger.intake.ledger;

/**
 * engagement-service did not answer, or answered that it cannot now (5xx, 429, or a token it did not take): the
 * delivery waits in the inbox and is tried again; nothing is lost.
 */
public class EngagementServiceUnavailable extends RuntimeException {
    EngagementServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
