package com.engagementledger.audit;

import org.junit.jupiter.api.Test;

import static com.engagementledger.audit.Chains.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Link versions: version 1 exactly as stored chains were hashed, version 2 over position, type and exact bytes. */
class LinkHashTest {
    private static final CanonicalEvent EVENT = new CanonicalEvent("e-1", Chains.PROPOSED_CLASS, "d-1", 0,
            "2026-08-03T10:15:30.123Z", json("{\"correlationId\":\"c-1\",\"actorSide\":\"CLIENT\",\"actor\":\"lead-anna\"}"),
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("title", "Caf\u00e9 \ud83d\ude00 a\ud800b")
                    .set("alternatives", json("[\"b\",\"a\"]")));

    /** The hash the service computed for this event before link version 2 existed (lone surrogate folded to '?'). */
    @Test
    void version_1_gives_the_hash_stored_chains_were_built_with() {
        assertThat(LinkHash.of(LinkHash.V1, CanonicalEvent.GENESIS, 1, "ignored", EVENT))
                .isEqualTo("d065e106ab530f2c2349cde6945e14f62b7439dd53219bc8941d65a289c6f7db");
        // version 1 covers neither position nor type
        assertThat(LinkHash.of(LinkHash.V1, CanonicalEvent.GENESIS, 2, "other", EVENT))
                .isEqualTo(LinkHash.of(LinkHash.V1, CanonicalEvent.GENESIS, 1, "ignored", EVENT));
    }

    @Test
    void version_2_covers_position_and_type() {
        String hash = LinkHash.of(LinkHash.V2, CanonicalEvent.GENESIS, 1, Chains.PROPOSED, EVENT);
        assertThat(hash).hasSize(64).isNotEqualTo(LinkHash.of(LinkHash.V1, CanonicalEvent.GENESIS, 1, Chains.PROPOSED, EVENT));
        assertThat(LinkHash.of(LinkHash.V2, CanonicalEvent.GENESIS, 2, Chains.PROPOSED, EVENT)).isNotEqualTo(hash);
        assertThat(LinkHash.of(LinkHash.V2, CanonicalEvent.GENESIS, 1, "ledger.decision.reversed.v1", EVENT))
                .isNotEqualTo(hash);
        // what link_events (migration V25) hashes: prevHash, position and type on lines of their own, then the JSON
        assertThat(hash).isEqualTo(CanonicalEvent.sha256(CanonicalEvent.GENESIS + "\n1\n" + Chains.PROPOSED + "\n"
                + EVENT.canonicalJson()));
    }

    @Test
    void an_unknown_version_matches_no_hash() {
        assertThat(LinkHash.of(9, CanonicalEvent.GENESIS, 1, Chains.PROPOSED, EVENT)).isNull();
    }
}
