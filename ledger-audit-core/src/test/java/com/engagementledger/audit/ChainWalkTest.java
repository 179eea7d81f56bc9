package com.engagementledger.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import static com.engagementledger.audit.Chains.chain;
import static com.engagementledger.audit.Chains.signed;
import static com.engagementledger.audit.Chains.walk;
import static org.assertj.core.api.Assertions.assertThat;

/** The walk's verdicts, one per kind, on chains built as the service links them. */
class ChainWalkTest {
    private final KeyPair keys = Chains.keys();

    @Test
    void an_intact_chain_is_valid_up_to_its_head() {
        List<HistoryEntry> entries = chain(3);
        Verdict verdict = walk(new ChainWalk(), entries);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.events()).isEqualTo(3);
        assertThat(verdict.head()).isEqualTo(new Verdict.Head(3, 30, entries.get(2).hash()));
        assertThat(verdict.checkpoint()).isNull();
    }

    @Test
    void a_changed_payload_is_changed_at_its_own_line() {
        List<HistoryEntry> entries = new ArrayList<>(chain(3));
        HistoryEntry second = entries.get(1);
        entries.set(1, new HistoryEntry(second.position(), second.chainSeq(), second.eventId(), second.type(),
                second.family(), second.aggregateId(), second.sequence(), second.recordedAt(), second.actor(),
                second.actorName(), second.side(), second.correlationId(), second.payloadType(), second.metadata(),
                Chains.json("{\"title\":\"Decision 7\",\"category\":\"PROCESS\"}"), second.prevHash(), second.hash(),
                second.linkVersion(), null));
        Verdict.Break at = walk(new ChainWalk(), entries).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.CHANGED);
        assertThat(at.chainSeq()).isEqualTo(2);
        assertThat(at.position()).isEqualTo(20);
        assertThat(at.eventId()).isEqualTo("e-20");
    }

    @Test
    void lines_out_of_chain_order_break_where_the_order_does() {
        List<HistoryEntry> entries = chain(3);
        Verdict.Break at = walk(new ChainWalk(), List.of(entries.get(0), entries.get(2), entries.get(1))).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.MISSING);
        assertThat(at.chainSeq()).isEqualTo(2);
        assertThat(at.position()).isEqualTo(30);
    }

    @Test
    void a_link_that_does_not_continue_the_previous_hash_is_changed() {
        List<HistoryEntry> entries = chain(3);
        List<HistoryEntry> other = new ArrayList<>(chain(3));
        // the second link of a chain recomputed from another first event
        HistoryEntry foreign = Chains.proposal(20, "lead-anna", "Decision 2").linked(2, "f".repeat(64));
        other.set(1, foreign);
        other.set(0, entries.get(0));
        Verdict.Break at = walk(new ChainWalk(), other).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.CHANGED);
        assertThat(at.chainSeq()).isEqualTo(2);
        assertThat(at.detail()).contains("does not continue");
    }

    @Test
    void a_chain_checked_against_its_signed_checkpoint_is_valid() {
        List<HistoryEntry> entries = chain(3);
        Verdict verdict = walk(ChainWalk.against(signed(keys, entries.get(1)), keys.getPublic()), entries);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.checkpoint().signatureValid()).isTrue();
        assertThat(verdict.checkpoint().chainSeq()).isEqualTo(2);
    }

    @Test
    void a_chain_recomputed_after_a_rewrite_is_changed_at_the_checkpoint() {
        List<HistoryEntry> original = chain(3);
        Checkpoint checkpoint = signed(keys, original.get(2));
        // mallory rewrites the first event and recomputes every link: the chain alone is consistent again
        List<HistoryEntry> rewritten = new ArrayList<>();
        String prev = CanonicalEvent.GENESIS;
        for (int i = 1; i <= 3; i++) {
            HistoryEntry entry = Chains.proposal(10L * i, i == 1 ? "mallory" : "lead-anna", "Decision " + i)
                    .linked(i, prev);
            rewritten.add(entry);
            prev = entry.hash();
        }
        assertThat(walk(new ChainWalk(), rewritten).valid()).isTrue();

        Verdict.Break at = walk(ChainWalk.against(checkpoint, keys.getPublic()), rewritten).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.CHANGED);
        assertThat(at.chainSeq()).isEqualTo(3);
        assertThat(at.position()).isEqualTo(30);
    }

    @Test
    void a_chain_that_ends_before_its_checkpoint_is_truncated() {
        List<HistoryEntry> entries = chain(3);
        Verdict.Break at = walk(ChainWalk.against(signed(keys, entries.get(2)), keys.getPublic()),
                entries.subList(0, 1)).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.TRUNCATED);
        assertThat(at.chainSeq()).isEqualTo(2);
        assertThat(at.position()).isNull();
    }

    @Test
    void a_checkpoint_signed_by_another_key_or_altered_has_a_bad_signature() {
        List<HistoryEntry> entries = chain(2);
        Checkpoint checkpoint = signed(keys, entries.get(1));
        Verdict other = walk(ChainWalk.against(checkpoint, Chains.keys().getPublic()), entries);
        assertThat(other.firstBreak().kind()).isEqualTo(Verdict.Kind.BAD_SIGNATURE);
        assertThat(other.checkpoint().signatureValid()).isFalse();
        Checkpoint altered = new Checkpoint(1L, "eng-1", 1, entries.get(0).hash(), checkpoint.signedAt(),
                checkpoint.signature(), checkpoint.keyId(), Checkpoint.ALGORITHM);
        assertThat(walk(ChainWalk.against(altered, keys.getPublic()), entries).firstBreak().kind())
                .isEqualTo(Verdict.Kind.BAD_SIGNATURE);
    }

    @Test
    void a_walk_since_a_checkpoint_checks_the_links_from_it_on() {
        List<HistoryEntry> entries = chain(4);
        Checkpoint checkpoint = signed(keys, entries.get(1));
        Verdict since = walk(ChainWalk.since(checkpoint, keys.getPublic()), entries.subList(1, 4));
        assertThat(since.valid()).isTrue();
        assertThat(since.events()).isEqualTo(3);
        assertThat(since.head().chainSeq()).isEqualTo(4);

        Checkpoint elsewhere = signed(keys, 2, "a".repeat(64));
        assertThat(walk(ChainWalk.since(elsewhere, keys.getPublic()), entries.subList(1, 4)).firstBreak().kind())
                .isEqualTo(Verdict.Kind.CHANGED);
        assertThat(walk(ChainWalk.since(checkpoint, keys.getPublic()), List.of()).firstBreak().kind())
                .isEqualTo(Verdict.Kind.TRUNCATED);
    }

    @Test
    void an_event_without_a_link_is_unchained_when_nothing_breaks_before() {
        List<HistoryEntry> entries = new ArrayList<>(chain(2));
        entries.add(Chains.proposal(25, "lead-anna", "Inserted"));
        Verdict verdict = walk(new ChainWalk(), entries);
        assertThat(verdict.firstBreak().kind()).isEqualTo(Verdict.Kind.UNCHAINED);
        assertThat(verdict.firstBreak().position()).isEqualTo(25);
        assertThat(verdict.events()).isEqualTo(2);
    }

    @Test
    void an_event_no_longer_stored_is_missing_at_its_link() {
        List<HistoryEntry> entries = new ArrayList<>(chain(2));
        HistoryEntry first = entries.get(0);
        entries.set(0, HistoryEntry.missing(first.position(), first.chainSeq(), first.linkVersion(), first.prevHash(),
                first.hash(), first.type(), first.eventId(), first.aggregateId(), first.sequence(), first.recordedAt()));
        Verdict.Break at = walk(new ChainWalk(), entries).firstBreak();
        assertThat(at.kind()).isEqualTo(Verdict.Kind.MISSING);
        assertThat(at.chainSeq()).isEqualTo(1);
    }
}
