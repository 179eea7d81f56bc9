package com.engagementledger.audit;

import jakarta.annotation.Nullable;

/**
 * The answer of a chain verification, the same from the service's /verify and from the ledger-verify jar: valid
 * with the head it reached, or the first break and its kind; and the signed checkpoint it was checked against.
 */
public record Verdict(boolean valid, long events, @Nullable Head head, @Nullable Break firstBreak,
                      @Nullable CheckpointCheck checkpoint) {

    public record Head(long chainSeq, long position, String hash) {
    }

    /**
     * Where the chain breaks, in chain order (position and event id name the line, when there is one).
     * CHANGED: the line is not what was hashed: its content, a readable field, its place in the chain (a link
     * that does not continue the previous one) or, against a checkpoint, an event at or before the checkpoint's
     * chain position rewritten with the chain recomputed. MISSING: the chain names an event or links that are not
     * there. TRUNCATED: the chain ends before the chain position a signed checkpoint covers. BAD_SIGNATURE: the
     * checkpoint's signature does not hold under the public key. UNCHAINED: an event of the engagement has no link.
     */
    public record Break(@Nullable Long position, long chainSeq, @Nullable String eventId, Kind kind, String detail) {
    }

    public enum Kind { CHANGED, MISSING, TRUNCATED, BAD_SIGNATURE, UNCHAINED }

    /** The signed checkpoint the chain was checked against, and whether its signature holds. */
    public record CheckpointCheck(long chainSeq, String headHash, String signedAt, String keyId,
                                  boolean signatureValid) {
    }
}
