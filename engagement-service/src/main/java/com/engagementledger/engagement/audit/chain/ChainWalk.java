package com.engagementledger.engagement.audit.chain;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Walks one engagement's chain in chain order and finds the first break. Pure and streaming, so the service
 * (fed from a database cursor) and the offline verifier (fed from an NDJSON export) give the same answer.
 * <p>
 * Each link is checked against its own stored hash and the previous stored hash, so a tampered event breaks
 * exactly its own link. Only the recorded times are kept in memory: a hash mismatch is classified REORDERED when
 * the event, given the recorded time of another link, hashes correctly again (two rows' times swapped).
 */
public final class ChainWalk {
    private String prevHash = CanonicalEvent.GENESIS;
    private long expectedSeq = 1;
    private long events;
    private ChainLink last;
    private Verdict.Break firstBreak;
    private ChainLink mismatch;
    private String mismatchPrev;
    private final Set<String> times = new LinkedHashSet<>();
    private final long watchSeq;
    private String watchedHash;
    private Verdict.Break unchained;

    public ChainWalk() {
        this(-1);
    }

    /** A walk that also remembers the stored hash at {@code watchSeq}, to compare with a signed checkpoint. */
    public ChainWalk(long watchSeq) {
        this.watchSeq = watchSeq;
    }

    public void accept(ChainLink link) {
        events++;
        if (link.event() != null) {
            times.add(link.event().recordedAt());
        }
        if (firstBreak == null && mismatch == null) {
            check(link);
        }
        if (link.chainSeq() == watchSeq) {
            watchedHash = link.hash();
        }
        prevHash = link.hash();
        expectedSeq = link.chainSeq() + 1;
        last = link;
    }

    /** An event of the engagement that has no chain link; reported if nothing earlier in the chain broke. */
    public void acceptUnchained(long position, String eventId) {
        if (unchained == null) {
            unchained = new Verdict.Break(position, 0, eventId, Verdict.Kind.UNCHAINED,
                    "the event has no link in the engagement's chain");
        }
    }

    private void check(ChainLink link) {
        if (link.chainSeq() != expectedSeq) {
            firstBreak = new Verdict.Break(link.position(), expectedSeq, null, Verdict.Kind.MISSING,
                    "chain entries " + expectedSeq + " to " + (link.chainSeq() - 1) + " are absent before position "
                            + link.position());
        } else if (!link.prevHash().equals(prevHash)) {
            firstBreak = new Verdict.Break(link.position(), link.chainSeq(), link.eventId(), Verdict.Kind.CHANGED,
                    "the link does not continue the previous hash");
        } else if (link.event() == null) {
            firstBreak = new Verdict.Break(link.position(), link.chainSeq(), link.eventId(), Verdict.Kind.MISSING,
                    "the chained event is no longer stored");
        } else if (!link.event().hash(prevHash).equals(link.hash())) {
            mismatch = link;
            mismatchPrev = prevHash;
        }
    }

    public Verdict finish() {
        return finish(null);
    }

    /** The verdict after the last link; a checkpoint's head hash (may be null) must be the watched link's hash. */
    public Verdict finish(String checkpointHash) {
        if (mismatch != null) {
            firstBreak = classify();
        }
        if (firstBreak == null && checkpointHash != null) {
            firstBreak = checkpointBreak(checkpointHash);
        }
        if (firstBreak == null) {
            firstBreak = unchained;
        }
        Verdict.Head head = last == null ? null : new Verdict.Head(last.chainSeq(), last.position(), last.hash());
        return new Verdict(firstBreak == null, events, head, firstBreak);
    }

    private Verdict.Break classify() {
        CanonicalEvent event = mismatch.event();
        for (String time : times) {
            if (!time.equals(event.recordedAt()) && event.withRecordedAt(time).hash(mismatchPrev).equals(mismatch.hash())) {
                return new Verdict.Break(mismatch.position(), mismatch.chainSeq(), mismatch.eventId(),
                        Verdict.Kind.REORDERED, "the event carries the recorded time " + event.recordedAt()
                        + " of another link; it was recorded at " + time);
            }
        }
        return new Verdict.Break(mismatch.position(), mismatch.chainSeq(), mismatch.eventId(), Verdict.Kind.CHANGED,
                "the event's content (payload, metadata or time) no longer gives its hash");
    }

    private Verdict.Break checkpointBreak(String checkpointHash) {
        if (watchedHash == null) {
            return new Verdict.Break(null, watchSeq, null, Verdict.Kind.CHECKPOINT,
                    "the chain ends before the checkpoint's chain position " + watchSeq);
        }
        if (!watchedHash.equals(checkpointHash)) {
            return new Verdict.Break(null, watchSeq, null, Verdict.Kind.CHECKPOINT,
                    "the chain's hash at chain position " + watchSeq + " differs from the signed checkpoint");
        }
        return null;
    }
}
