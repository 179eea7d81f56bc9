package com.engagementledger.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field an auditor reads on a line is hashed or checked against what is. */
class HistoryEntryTest {
    private static final HistoryEntry LINE = Chains.proposal(10, "lead-anna", "Decision").linked(1,
            CanonicalEvent.GENESIS);

    private static HistoryEntry with(String field, String value) {
        HistoryEntry e = LINE;
        return new HistoryEntry(e.position(), e.chainSeq(), e.eventId(),
                field.equals("type") ? value : e.type(), field.equals("family") ? value : e.family(), e.aggregateId(),
                e.sequence(), e.recordedAt(), field.equals("actor") ? value : e.actor(),
                field.equals("actorName") ? value : e.actorName(), field.equals("side") ? value : e.side(),
                field.equals("correlationId") ? value : e.correlationId(), e.payloadType(), e.metadata(), e.payload(),
                e.prevHash(), e.hash(), e.linkVersion(), e.missing());
    }

    @Test
    void the_readable_fields_of_a_stored_event_are_its_hashed_metadata_and_type() {
        assertThat(LINE.actor()).isEqualTo("lead-anna");
        assertThat(LINE.actorName()).isEqualTo("Anna");
        assertThat(LINE.side()).isEqualTo("CLIENT");
        assertThat(LINE.correlationId()).isEqualTo("c-10");
        assertThat(LINE.family()).isEqualTo("decision");
        assertThat(LINE.readableFieldMismatch()).isNull();
        assertThat(LINE.hash()).isEqualTo(LINE.expectedHash(CanonicalEvent.GENESIS));
    }

    @Test
    void an_edited_metadata_field_or_family_is_named() {
        Map<String, String> edits = new LinkedHashMap<>();
        edits.put("actor", "mallory");
        edits.put("actorName", "Mallory");
        edits.put("side", "PARTNER");
        edits.put("correlationId", "forged");
        edits.put("family", "incident");
        edits.forEach((field, value) -> assertThat(with(field, value).readableFieldMismatch()).as(field)
                .isEqualTo(field));
    }

    @Test
    void an_edited_type_or_position_no_longer_gives_the_version_2_hash() {
        HistoryEntry retyped = with("type", "ledger.decision.reversed.v1");
        // the family still says "decision": only the hash can tell
        assertThat(retyped.readableFieldMismatch()).isNull();
        assertThat(retyped.expectedHash(CanonicalEvent.GENESIS)).isNotEqualTo(LINE.hash());
        HistoryEntry moved = new HistoryEntry(11, LINE.chainSeq(), LINE.eventId(), LINE.type(), LINE.family(),
                LINE.aggregateId(), LINE.sequence(), LINE.recordedAt(), LINE.actor(), LINE.actorName(), LINE.side(),
                LINE.correlationId(), LINE.payloadType(), LINE.metadata(), LINE.payload(), LINE.prevHash(),
                LINE.hash(), LINE.linkVersion(), null);
        assertThat(moved.expectedHash(CanonicalEvent.GENESIS)).isNotEqualTo(LINE.hash());
    }

    /** A version-1 link does not hash the type: it must be the contract's name for the hashed payload type. */
    @Test
    void a_version_1_line_has_the_type_the_contract_gives_its_payload_type() {
        UnaryOperator<HistoryEntry> v1 = e -> new HistoryEntry(e.position(), e.chainSeq(), e.eventId(), e.type(),
                e.family(), e.aggregateId(), e.sequence(), e.recordedAt(), e.actor(), e.actorName(), e.side(),
                e.correlationId(), e.payloadType(), e.metadata(), e.payload(), e.prevHash(), e.hash(), LinkHash.V1,
                e.missing());
        assertThat(v1.apply(LINE).readableFieldMismatch()).isNull();
        HistoryEntry retyped = v1.apply(with("type", "ledger.decision.reversed.v1"));
        assertThat(with("type", "ledger.decision.reversed.v1").family()).isEqualTo("decision");
        assertThat(retyped.readableFieldMismatch()).isEqualTo("type");
    }
}
