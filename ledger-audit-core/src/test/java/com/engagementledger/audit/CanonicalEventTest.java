package com.engagementledger.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.engagementledger.audit.Chains.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form: sorted keys, the stored text exactly, and the same bytes as before for any valid text. */
class CanonicalEventTest {

    private static CanonicalEvent withTitle(String title) {
        var payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("title", title);
        return new CanonicalEvent("e-1", Chains.PROPOSED_CLASS, "d-1", 0, "2026-08-03T10:15:30.123Z",
                json("{\"actor\":\"lead-anna\"}"), payload);
    }

    @Test
    void lone_surrogates_and_a_question_mark_are_three_different_canonical_texts_and_hashes() {
        List<String> titles = List.of("a\ud800b", "a\udfffb", "a?b");
        Set<String> texts = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (String title : titles) {
            CanonicalEvent event = withTitle(title);
            texts.add(new String(event.canonicalBytes(), StandardCharsets.UTF_8));
            hashes.add(LinkHash.of(LinkHash.V2, CanonicalEvent.GENESIS, 7, Chains.PROPOSED, event));
        }
        assertThat(texts).hasSize(3);
        assertThat(hashes).hasSize(3);
        // the escape the event store itself wrote, not a replacement character
        assertThat(withTitle("a\ud800b").canonicalJson()).contains("\"title\":\"a\\uD800b\"");
    }

    @Test
    void a_lone_surrogate_read_back_from_its_stored_escape_gives_the_same_canonical_text() {
        CanonicalEvent stored = new CanonicalEvent("e-1", Chains.PROPOSED_CLASS, "d-1", 0, "t",
                CanonicalEvent.parse("{}".getBytes(StandardCharsets.UTF_8)),
                CanonicalEvent.parse("{\"title\":\"a\\ud800b\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.canonicalJson()).isEqualTo(new CanonicalEvent("e-1", Chains.PROPOSED_CLASS, "d-1", 0, "t",
                json("{}"), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("title", "a\ud800b")).canonicalJson());
    }

    /** Valid text (accents, emoji, control characters) gives the bytes version 1 hashed: stored links keep verifying. */
    @Test
    void valid_text_gives_exactly_the_bytes_of_the_version_1_text() {
        CanonicalEvent event = withTitle("Café \ud83d\ude00 \u0001 \u2028 \"quoted\"");
        assertThat(event.canonicalBytes()).isEqualTo(event.legacyJson().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keys_are_sorted_at_every_level_and_arrays_keep_their_order() {
        CanonicalEvent event = new CanonicalEvent("e-1", "T", "d-1", 3, "t", json("{\"b\":1,\"a\":{\"y\":1,\"x\":2}}"),
                json("{\"list\":[\"b\",\"a\"]}"));
        assertThat(event.canonicalJson()).isEqualTo("{\"aggregateId\":\"d-1\",\"eventId\":\"e-1\","
                + "\"metadata\":{\"a\":{\"x\":2,\"y\":1},\"b\":1},\"payload\":{\"list\":[\"b\",\"a\"]},"
                + "\"payloadType\":\"T\",\"recordedAt\":\"t\",\"sequence\":3}");
    }
}
