package com.engagementledger.engagement.audit;

import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.audit.Verdict;
import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventVersions;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.ProblemAssert;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.verify.LedgerVerify;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by the code before business time, in version 1 (no effectiveAt, payload_revision null, linked into
 * the hash chain as that code linked them), are read through the upcaster chain as version 2 with effectiveAt = the
 * time they were recorded: when an aggregate is loaded, by asOf and by the decision history; and the chain, which
 * covers the stored form, still verifies online and offline.
 */
class StoredVersion1Test extends IntegrationTest {
    private static final String METADATA = "{\"actor\":\"lead-anna\",\"actorSide\":\"CLIENT\"}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @TempDir
    Path dir;

    /** One stored row in the old shape. */
    private record Row(String eventId, String aggregateId, long sequence, String aggregateType, String timeStamp,
                       Class<?> payloadType, String payload) {
    }

    @Test
    void version_1_rows_are_read_as_version_2_with_their_recorded_time_and_the_chain_still_verifies()
            throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String engagementId = lead.post("/engagements", Scenario.engagement("Stored v1")).id();
        String decisionId = UUID.randomUUID().toString();
        // recorded by the old code on four days after the start (2026-08-03), each a fact with no time of its own
        String proposedAt = "2026-09-01T10:00:00.000Z";
        String acceptedAt = "2026-09-02T10:00:00.000Z";
        String assignedAt = "2026-09-03T10:00:00.000Z";
        String pausedAt = "2026-09-04T10:00:00.000Z";
        List<Row> rows = List.of(
                new Row(UUID.randomUUID().toString(), decisionId, 0, "Decision", proposedAt, DecisionProposed.class,
                        """
                        {"engagementId":"%s","decisionId":"%s","title":"Adopt trunk-based development",\
                        "category":"PROCESS","context":"c","decision":"d","consequences":null,"alternatives":[],\
                        "reversibility":"REVERSIBLE","supersedes":null,"proposedBy":"lead-anna",\
                        "proposedBySide":"CLIENT"}""".formatted(engagementId, decisionId)),
                new Row(UUID.randomUUID().toString(), decisionId, 1, "Decision", acceptedAt, DecisionAccepted.class,
                        """
                        {"engagementId":"%s","decisionId":"%s","category":"PROCESS","reversibility":"REVERSIBLE",\
                        "acceptedBy":"lead-anna","acceptedBySide":"CLIENT","inEffect":true}"""
                                .formatted(engagementId, decisionId)),
                new Row(UUID.randomUUID().toString(), engagementId, 1, "Engagement", assignedAt,
                        OwnershipAssigned.class, """
                        {"engagementId":"%s","area":"ON_CALL","ownerId":"ravi","ownerName":"Ravi",\
                        "ownerSide":"PARTNER","reason":"kickoff"}""".formatted(engagementId)),
                new Row(UUID.randomUUID().toString(), engagementId, 2, "Engagement", pausedAt, EngagementPaused.class,
                        """
                        {"engagementId":"%s","reason":"budget review"}""".formatted(engagementId)));
        storeAsTheOldCodeDid(engagementId, rows);
        // and the decision's view, as the old code's projection kept it (its steps had no recordedAt)
        jdbc.sql("""
                        insert into resource_view (kind, id, engagement_id, version, state, created_at, updated_at)
                        values ('decision', ?, ?, 1, cast(? as jsonb), cast(? as timestamptz), cast(? as timestamptz))""")
                .params(decisionId, engagementId, """
                        {"decisionId":"%s","engagementId":"%s","title":"Adopt trunk-based development",\
                        "category":"PROCESS","status":"IN_EFFECT","reversibility":"REVERSIBLE",\
                        "proposed":{"by":"lead-anna","side":"CLIENT","at":"%s"},\
                        "accepted":{"by":"lead-anna","side":"CLIENT","at":"%s"}}"""
                        .formatted(decisionId, engagementId, proposedAt, acceptedAt), proposedAt, acceptedAt)
                .update();

        // the aggregate's stream, as loading it reads it: version 2, effectiveAt = the recorded time
        List<? extends DomainEventMessage<?>> decision = eventStore.readEvents(decisionId).asStream().toList();
        assertThat(decision).<Class<?>>extracting(m -> m.getPayload().getClass())
                .containsExactly(DecisionProposedV2.class, DecisionAcceptedV2.class);
        assertThat(((DecisionProposedV2) decision.get(0).getPayload()).effectiveAt())
                .isEqualTo(Instant.parse(proposedAt));
        assertThat(((DecisionAcceptedV2) decision.get(1).getPayload()).effectiveAt())
                .isEqualTo(Instant.parse(acceptedAt));

        // the Engagement aggregate loaded them: paused (so it can resume), no earlier than the stored pause
        String base = "/engagements/" + engagementId;
        Api.Response backwards = lead.post(base + "/resume", Map.of("reason", "budget approved",
                "effectiveAt", "2026-09-04T09:59:59Z"));
        ProblemAssert.assertThatProblem(backwards.raw()).hasStatus(422).hasRule("engagement.time.backwards")
                .hasField("effectiveAt");
        Api.Response reassignedTooEarly = lead.post(base + "/ownership/ON_CALL", Map.of("ownerId", "mei",
                "ownerSide", "PARTNER", "reason", "rotation", "effectiveAt", "2026-09-03T09:00:00Z"));
        ProblemAssert.assertThatProblem(reassignedTooEarly.raw()).hasStatus(422).hasRule("ownership.time.backwards");
        assertThat(lead.post(base + "/resume", Map.of("reason", "budget approved",
                "effectiveAt", "2026-09-05T08:00:00Z")).status()).isEqualTo(200);

        // the Decision aggregate loaded them too: in effect since its stored acceptance
        String d = base + "/decisions/" + decisionId;
        Api.Response reversedTooEarly = lead.post(d + "/reversal", Map.of("reason", "tooling not ready",
                "effectiveAt", "2026-09-02T09:00:00Z"));
        ProblemAssert.assertThatProblem(reversedTooEarly.raw()).hasStatus(422).hasRule("decision.time.backwards");

        // asOf replays the stored rows through the same chain
        JsonNode asOf = lead.get(base + "/decisions?asOf=" + Instant.now()).json().get("items");
        assertThat(asOf).hasSize(1);
        assertThat(asOf.get(0).get("status").asText()).isEqualTo("IN_EFFECT");
        assertThat(Instant.parse(asOf.get(0).get("proposed").get("at").asText())).isEqualTo(Instant.parse(proposedAt));
        assertThat(Instant.parse(asOf.get(0).get("accepted").get("at").asText())).isEqualTo(Instant.parse(acceptedAt));
        JsonNode ownership = lead.get(base + "/ownership?asOf=" + Instant.now()).json();
        assertThat(Instant.parse(ownership.get("ON_CALL").get("since").asText())).isEqualTo(Instant.parse(assignedAt));

        // the decision's history shows the stored form, with the business time the contract lifts it to
        JsonNode history = lead.get(base + "/decisions/" + decisionId + "/history").json();
        assertThat(history).extracting(step -> step.get("type").asText())
                .containsExactly("ledger.decision.proposed.v1", "ledger.decision.accepted.v1");
        assertThat(history).extracting(step -> Instant.parse(step.get("effectiveAt").asText()))
                .containsExactly(Instant.parse(proposedAt), Instant.parse(acceptedAt));
        assertThat(history.get(0).get("payload").has("effectiveAt")).as("the stored form is shown as stored")
                .isFalse();

        // the chain covers the stored form, which no upcaster rewrote: it verifies, online and on an export
        JsonNode verdict = lead.get(base + "/verify").json();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(6);
        Path export = dir.resolve("v1.ndjson");
        Files.writeString(export, lead.header("Accept", "application/x-ndjson").get(base + "/history").body());
        Verdict offline = LedgerVerify.verify(export, null, null);
        assertThat(offline.valid()).isTrue();
    }

    @Test
    void a_stored_version_1_of_every_changed_type_is_read_as_its_current_version() throws Exception {
        String storedAt = "2026-09-01T10:00:00.000Z";
        for (EventVersions.Step step : EventVersions.steps()) {
            String aggregateId = UUID.randomUUID().toString();
            byte[] example;
            try (var in = StoredVersion1Test.class.getResourceAsStream(
                    "/examples/" + EventCatalog.typeName(step.from()) + ".json")) {
                example = in.readAllBytes();
            }
            jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                              type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            values (?, ?, 0, 'Legacy', ?, ?, null, ?, ?)""")
                    .params(UUID.randomUUID().toString(), aggregateId, storedAt, step.from().getName(), example,
                            METADATA.getBytes(StandardCharsets.UTF_8))
                    .update();

            Object read = eventStore.readEvents(aggregateId).next().getPayload();

            assertThat(read).as(step.from().getSimpleName()).isInstanceOf(EventVersions.current(step.from()));
            assertThat(read.getClass().getMethod("effectiveAt").invoke(read)).as(step.from().getSimpleName())
                    .isEqualTo(Instant.parse(storedAt));
        }
    }

    /**
     * Inserts the rows as the old code wrote them (payload_revision null) and links them into the engagement's
     * chain with the database function the old code called at commit, over their canonical form.
     */
    private void storeAsTheOldCodeDid(String engagementId, List<Row> rows) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> canonicals = new ArrayList<>();
        for (Row row : rows) {
            jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                              type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            values (?, ?, ?, ?, ?, ?, null, ?, ?)""")
                    .params(row.eventId(), row.aggregateId(), row.sequence(), row.aggregateType(), row.timeStamp(),
                            row.payloadType().getName(), row.payload().getBytes(StandardCharsets.UTF_8),
                            METADATA.getBytes(StandardCharsets.UTF_8))
                    .update();
            ids.add(row.eventId());
            types.add(EventCatalog.typeName(row.payloadType()));
            canonicals.add(new CanonicalEvent(row.eventId(), row.payloadType().getName(), row.aggregateId(),
                    row.sequence(), row.timeStamp(), CanonicalEvent.parse(METADATA.getBytes(StandardCharsets.UTF_8)),
                    CanonicalEvent.parse(row.payload().getBytes(StandardCharsets.UTF_8))).canonicalJson());
        }
        jdbc.sql("select link_events(?, ?, ?, ?)")
                .params(engagementId, ids.toArray(String[]::new), types.toArray(String[]::new),
                        canonicals.toArray(String[]::new))
                .query(Long.class).single();
    }
}
