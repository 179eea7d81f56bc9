package com.engagementledger.audit;

import java.security.PublicKey;

/**
 * Walks one engagement's history in chain order and finds the first break. Pure and streaming (memory stays
 * constant), and fed the same entries by the service (from its database) and by the ledger-verify jar (from an
 * NDJSON export), so both give one verdict: the same kind at the same line.
 * <p>
 * Each link is checked against its own stored hash and the previous stored hash, so a tampered event breaks exactly
 * its own link. A signed checkpoint closes what the hashes alone leave open: a chain rewritten and recomputed up to
 * the checkpoint no longer ends in its signed head hash (CHANGED), and a chain whose newest links were dropped no
 * longer reaches its chain position (TRUNCATED).
 */
public final class ChainWalk {
    private final Checkpoint checkpoint;
    private final boolean signatureValid;
    /** The hash the next link must continue; null before the first link of a walk that starts mid-chain. */
    private String prevHash;
    private long expectedSeq;
    private long events;
    private HistoryEntry last;
    private HistoryEntry atCheckpoint;
    private Verdict.Break firstBreak;
    private Verdict.Break unchained;

    private ChainWalk(Checkpoint checkpoint, boolean signatureValid, String prevHash, long expectedSeq) {
        this.checkpoint = checkpoint;
        this.signatureValid = signatureValid;
        this.prevHash = prevHash;
        this.expectedSeq = expectedSeq;
    }

    /** A walk of the whole chain, without a checkpoint. */
    public ChainWalk() {
        this(null, false, CanonicalEvent.GENESIS, 1);
    }

    /** A walk of the whole chain, checked against a signed checkpoint (null: none) whose signature {@code key} checks. */
    public static ChainWalk against(Checkpoint checkpoint, PublicKey key) {
        return checkpoint == null ? new ChainWalk()
                : new ChainWalk(checkpoint, checkpoint.signatureHolds(key), CanonicalEvent.GENESIS, 1);
    }

    /**
     * A walk of the links from a signed checkpoint's chain position on (the first entry must be that position):
     * whether the chain still extends what the checkpoint signed, without walking what came before it.
     */
    public static ChainWalk since(Checkpoint checkpoint, PublicKey key) {
        return new ChainWalk(checkpoint, checkpoint.signatureHolds(key), null, checkpoint.chainSeq());
    }

    /** The next entry: chained entries in chain order, then those without a link. */
    public void accept(HistoryEntry entry) {
        if (entry.chainSeq() == null) {
            if (unchained == null) {
                unchained = new Verdict.Break(entry.position(), 0, entry.eventId(), Verdict.Kind.UNCHAINED,
                        "the event has no link in the engagement's chain");
            }
            return;
        }
        events++;
        if (firstBreak == null) {
            firstBreak = check(entry);
        }
        if (checkpoint != null && entry.chainSeq() == checkpoint.chainSeq()) {
            atCheckpoint = entry;
        }
        prevHash = entry.hash();
        expectedSeq = entry.chainSeq() + 1;
        last = entry;
    }

    private Verdict.Break check(HistoryEntry entry) {
        long seq = entry.chainSeq();
        if (seq > expectedSeq) {
            return new Verdict.Break(entry.position(), expectedSeq, null, Verdict.Kind.MISSING,
                    "chain entries " + expectedSeq + " to " + (seq - 1) + " are absent before position "
                            + entry.position());
        }
        if (seq < expectedSeq) {
            return changed(entry, "chain position " + seq + " comes where " + expectedSeq
                    + " belongs: the lines are not in chain order");
        }
        if (entry.hash() == null || entry.prevHash() == null
                || prevHash != null && !entry.prevHash().equals(prevHash)) {
            return changed(entry, "the link does not continue the previous hash");
        }
        if (Boolean.TRUE.equals(entry.missing())) {
            return new Verdict.Break(entry.position(), seq, entry.eventId(), Verdict.Kind.MISSING,
                    "the chained event is no longer stored");
        }
        String field = entry.readableFieldMismatch();
        if (field != null) {
            return changed(entry, "the line's " + field + " is not what its hashed content gives");
        }
        if (!entry.hash().equals(entry.expectedHash(entry.prevHash()))) {
            return changed(entry, "the event (payload, metadata, time, position or type) no longer gives its hash");
        }
        return null;
    }

    private static Verdict.Break changed(HistoryEntry entry, String detail) {
        return new Verdict.Break(entry.position(), entry.chainSeq(), entry.eventId(), Verdict.Kind.CHANGED, detail);
    }

    /** The verdict after the last entry. */
    public Verdict finish() {
        Verdict.Break found = firstBreak;
        if (found == null && checkpoint != null) {
            found = checkpointBreak();
        }
        if (found == null) {
            found = unchained;
        }
        Verdict.Head head = last == null ? null : new Verdict.Head(last.chainSeq(), last.position(), last.hash());
        Verdict.CheckpointCheck check = checkpoint == null ? null : new Verdict.CheckpointCheck(checkpoint.chainSeq(),
                checkpoint.headHash(), checkpoint.signedAt(), checkpoint.keyId(), signatureValid);
        return new Verdict(found == null, events, head, found, check);
    }

    private Verdict.Break checkpointBreak() {
        if (!signatureValid) {
            return new Verdict.Break(null, checkpoint.chainSeq(), null, Verdict.Kind.BAD_SIGNATURE,
                    "the checkpoint signed at " + checkpoint.signedAt() + " does not carry a valid signature for "
                            + "the public key: it cannot vouch for the chain");
        }
        if (atCheckpoint == null) {
            return new Verdict.Break(null, expectedSeq, null, Verdict.Kind.TRUNCATED, "the chain ends before chain "
                    + "position " + expectedSeq + " but the checkpoint signed at " + checkpoint.signedAt()
                    + " covers it up to " + checkpoint.chainSeq() + ": its newest links are gone");
        }
        if (!checkpoint.headHash().equals(atCheckpoint.hash())) {
            return changed(atCheckpoint, "the chain no longer ends in the head hash signed at "
                    + checkpoint.signedAt() + " at this chain position: an event at or before it was rewritten and "
                    + "the chain recomputed");
        }
        return null;
    }
}
