package com.engagementledger.engagement.audit.chain;

/** The answer of a chain verification: valid with the head it reached, or the first break and its kind. */
public record Verdict(boolean valid, long events, Head head, Break firstBreak) {

    public record Head(long chainSeq, long position, String hash) {
    }

    /**
     * Where the chain breaks. CHANGED: the event's content no longer gives its hash. MISSING: the chain names an
     * event that is not there. REORDERED: the event is intact but its recorded time (or place) belongs to another
     * link. CHECKPOINT: the chain does not reach or match a signed checkpoint. UNCHAINED: an event of the
     * engagement has no link (stored before the chain existed, or inserted around it).
     */
    public record Break(Long position, long chainSeq, String eventId, Kind kind, String detail) {
    }

    public enum Kind { CHANGED, MISSING, REORDERED, CHECKPOINT, UNCHAINED }
}
