package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** asOf replays stored events through the upcaster chain, as the event store's own reads do. */
class AsOfUpcastingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_decision_stored_in_an_older_shape_is_replayed_in_the_current_one() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String engagementId = lead.post("/engagements", Scenario.engagement("Upcasting")).id();
        String decisionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String storedAt = "2026-08-04T10:00:00.000Z";
        // a proposal as an older version of the service would have stored it: its title under "name"
        String payload = """
                {"engagementId":"%s","decisionId":"%s","name":"Adopt trunk-based development","category":"PROCESS",
                 "context":"c","decision":"d","consequences":null,"alternatives":[],"reversibility":"REVERSIBLE",
                 "supersedes":null,"proposedBy":"lead-anna","proposedBySide":"CLIENT"}""".formatted(engagementId,
                decisionId);
        long position = jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                          time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (?, ?, 0, 'Decision', ?, ?, ?, ?, ?) returning global_index""")
                .params(eventId, decisionId, storedAt,
                        "com.engagementledger.contract.DecisionEvents$DecisionProposed",
                        LegacyProposalUpcaster.REVISION, payload.getBytes(StandardCharsets.UTF_8),
                        "{\"actor\":\"lead-anna\",\"actorSide\":\"CLIENT\"}".getBytes(StandardCharsets.UTF_8))
                .query(Long.class).single();
        jdbc.sql("""
                        insert into engagement_event (global_index, engagement_id, event_identifier,
                          aggregate_identifier, sequence_number, event_type, recorded_at)
                        values (?, ?, ?, ?, 0, 'ledger.decision.proposed.v1', cast(? as timestamptz))""")
                .params(position, engagementId, eventId, decisionId, storedAt).update();

        var decisions = lead.get("/engagements/" + engagementId + "/decisions?asOf=" + Instant.now()).json();

        assertThat(decisions.get("items")).hasSize(1);
        assertThat(decisions.get("items").get(0).get("title").asText()).isEqualTo("Adopt trunk-based development");
        assertThat(decisions.get("items").get(0).get("status").asText()).isEqualTo("PROPOSED");
    }
}
