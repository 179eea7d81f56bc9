package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** REST → event store → GET, for every command family, against the real PostgreSQL. */
class FamiliesRoundTripTest extends IntegrationTest {

    private String openEngagement(Api lead) {
        return lead.post("/engagements", Scenario.engagement("Round trip")).id();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }

    @Test
    void engagement_terms_workstreams_reviews_and_escalation_path() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = openEngagement(lead);
        ok(lead.post("/engagements/" + id + "/coverage", Map.of("coveragePattern", "ASYNC_FIRST",
                "overlapStart", "09:00", "overlapEnd", "10:00", "reason", "stand-up only")));
        ok(lead.post("/engagements/" + id + "/workstreams", Map.of("name", "QA suite", "workType", "QA_AUTOMATION",
                "confirmedConditions", List.of("TEST_STRATEGY_DEFINED_IN_HOUSE", "COVERAGE_EXPECTATIONS_DEFINED"))));
        ok(lead.post("/engagements/" + id + "/governance-reviews", Map.of("kind", "WEEKLY_METRICS",
                "heldOn", "2026-08-10", "attendees", List.of("anna", "ravi"), "outcomes", List.of("on track"))));
        ok(lead.post("/engagements/" + id + "/escalation-path", Map.of("levels", List.of(
                Map.of("name", "partner lead", "contact", "ravi@partner.example", "side", "PARTNER"),
                Map.of("name", "client lead", "contact", "anna@client.example", "side", "CLIENT")))));
        ok(lead.post("/engagements/" + id + "/pause", Map.of("reason", "budget")));
        Api.Response resumed = lead.post("/engagements/" + id + "/resume", Map.of("reason", "approved"));
        ok(resumed);

        JsonNode view = lead.get("/engagements/" + id).json();
        assertThat(view.get("coveragePattern").asText()).isEqualTo("ASYNC_FIRST");
        assertThat(view.get("workstreams").get(0).get("workType").asText()).isEqualTo("QA_AUTOMATION");
        assertThat(view.get("reviews").get(0).get("kind").asText()).isEqualTo("WEEKLY_METRICS");
        assertThat(lead.get("/engagements/" + id + "/governance-reviews").json().get(0).get("outcomes").get(0)
                .asText()).isEqualTo("on track");
        assertThat(view.get("escalationPath").size()).isEqualTo(2);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        // opened (0), coverage (1), workstream (2), review (3), escalation path (4), pause (5), resume (6)
        assertThat(resumed.json().get("version").asLong()).isEqualTo(6);
        assertThat(lead.get("/engagements/" + id).header("ETag")).isEqualTo("\"6\"");

        ok(lead.post("/engagements/" + id + "/close", Map.of("reason", "contract ended")));
        Api.Response afterClose = lead.post("/engagements/" + id + "/incidents", Map.of("severity", "SEV3",
                "service", "api", "title", "slow", "detectedAt", "2026-09-01T10:00:00Z"));
        assertThat(afterClose.status()).isEqualTo(422);
        assertThat(afterClose.json().get("rule").asText()).isEqualTo("engagement.closed");
    }

    @Test
    void decisions_are_proposed_accepted_approved_superseded_and_reversed() {
        Api lead = api(TestTokens.lead("lead-anna"));
        Api cto = api(TestTokens.lead("cto-carl"));
        Api partner = api(TestTokens.partner("partner-ravi"));
        String id = openEngagement(lead);
        String base = "/engagements/" + id + "/decisions";

        String first = partner.post(base, Scenario.decision("Use Postgres", "ARCHITECTURE", "COSTLY")).id();
        Api.Response partnerAccepts = partner.post(base + "/" + first + "/acceptance", Map.of());
        assertThat(partnerAccepts.status()).isEqualTo(422);
        assertThat(partnerAccepts.json().get("rule").asText()).isEqualTo("decision.category.client-only");
        ok(lead.post(base + "/" + first + "/acceptance", Map.of()));

        Map<String, Object> successorBody = new java.util.HashMap<>(
                Scenario.decision("Use Postgres 16", "ARCHITECTURE", "IRREVERSIBLE"));
        successorBody.put("supersedes", first);
        String second = partner.post(base, successorBody).id();
        ok(lead.post(base + "/" + second + "/acceptance", Map.of()));
        assertThat(lead.get(base + "/" + second).json().get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(lead.get(base + "/" + first).json().get("status").asText()).isEqualTo("IN_EFFECT");

        Api.Response sameApprover = lead.post(base + "/" + second + "/approval", Map.of());
        assertThat(sameApprover.json().get("rule").asText()).isEqualTo("decision.second-approval.same-approver");
        ok(cto.post(base + "/" + second + "/approval", Map.of()));

        JsonNode successor = lead.get(base + "/" + second).json();
        assertThat(successor.get("status").asText()).isEqualTo("IN_EFFECT");
        assertThat(successor.get("proposed").get("by").asText()).isEqualTo("partner-ravi");
        assertThat(successor.get("accepted").get("by").asText()).isEqualTo("lead-anna");
        assertThat(successor.get("approved").get("by").asText()).isEqualTo("cto-carl");
        JsonNode superseded = lead.get(base + "/" + first).json();
        assertThat(superseded.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("supersededBy").asText()).isEqualTo(second);

        String costly = lead.post(base, Scenario.decision("Vendor X for queues", "INFRASTRUCTURE", "COSTLY")).id();
        ok(lead.post(base + "/" + costly + "/acceptance", Map.of()));
        ok(cto.post(base + "/" + costly + "/reversal", Map.of("reason", "vendor discontinued the product")));
        JsonNode reversed = lead.get(base + "/" + costly).json();
        assertThat(reversed.get("status").asText()).isEqualTo("REVERSED");
        assertThat(reversed.get("reversed").get("by").asText()).isEqualTo("cto-carl");
        assertThat(reversed.get("reason").asText()).isEqualTo("vendor discontinued the product");

        assertThat(lead.get(base + "?status=IN_EFFECT").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void onboarding_moves_through_phases_milestones_assessment_and_departure() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = openEngagement(lead);
        String base = "/engagements/" + id + "/engineers";
        String engineer = lead.post(base, Map.of("name", "Priya", "side", "PARTNER", "role", "backend",
                "joinedOn", "2026-08-10")).id();
        ok(lead.post(base + "/" + engineer + "/milestones", Map.of("milestone", "ACCESS_GRANTED", "reachedOn", "2026-08-10")));
        Api.Response skipped = lead.post(base + "/" + engineer + "/phase",
                Map.of("toPhase", "ACCOUNTABLE_OWNERSHIP", "advancedOn", "2026-08-20"));
        assertThat(skipped.json().get("rule").asText()).isEqualTo("onboarding.phase.skipped");
        ok(lead.post(base + "/" + engineer + "/phase", Map.of("toPhase", "CONTRIBUTION", "advancedOn", "2026-08-24")));
        ok(lead.post(base + "/" + engineer + "/knowledge-transfer-assessment",
                Map.of("score", 4, "assessedOn", "2026-09-09", "notes", "runbooks in good shape")));
        ok(lead.post(base + "/" + engineer + "/departure", Map.of("leftOn", "2026-10-01", "reason", "relocated")));

        JsonNode view = lead.get(base + "/" + engineer).json();
        assertThat(view.get("phase").asText()).isEqualTo("CONTRIBUTION");
        assertThat(view.get("milestones").get("ACCESS_GRANTED").asText()).isEqualTo("2026-08-10");
        assertThat(view.get("knowledgeTransferScore").asInt()).isEqualTo(4);
        assertThat(view.get("status").asText()).isEqualTo("LEFT");
        assertThat(lead.get(base).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void an_incident_goes_from_detection_to_postmortem() {
        Api lead = api(TestTokens.lead("lead-anna"));
        Api partner = api(TestTokens.partner("partner-ravi"));
        String id = openEngagement(lead);
        String base = "/engagements/" + id + "/incidents";
        // 03:00 in Berlin on 2026-09-10 (UTC+2): outside the 09:00–13:00 overlap window
        String incident = partner.post(base, Map.of("severity", "SEV1", "service", "payments",
                "title", "card auth failing", "detectedAt", "2026-09-10T01:00:00Z")).id();
        JsonNode opened = lead.get(base + "/" + incident).json();
        assertThat(opened.get("startedOutsideOverlap").asBoolean()).isTrue();
        assertThat(opened.get("acknowledgeTargetMinutes").asLong()).isEqualTo(15);

        ok(partner.post(base + "/" + incident + "/acknowledgement", Map.of("acknowledgedAt", "2026-09-10T01:40:00Z")));
        Api.Response again = partner.post(base + "/" + incident + "/acknowledgement",
                Map.of("acknowledgedAt", "2026-09-10T01:45:00Z"));
        assertThat(again.json().get("rule").asText()).isEqualTo("incident.already-acknowledged");
        ok(partner.post(base + "/" + incident + "/escalation", Map.of("escalatedTo", "client on-call",
                "escalatedAt", "2026-09-10T01:50:00Z", "reason", "needs a release decision")));
        ok(partner.post(base + "/" + incident + "/mitigation", Map.of("mitigatedAt", "2026-09-10T02:30:00Z",
                "summary", "rolled back")));
        Api.Response backwards = partner.post(base + "/" + incident + "/resolution",
                Map.of("resolvedAt", "2026-09-10T02:00:00Z", "rootCause", "expired certificate"));
        assertThat(backwards.json().get("rule").asText()).isEqualTo("incident.time.backwards");
        ok(partner.post(base + "/" + incident + "/resolution", Map.of("resolvedAt", "2026-09-10T04:00:00Z",
                "rootCause", "expired certificate")));
        ok(partner.post(base + "/" + incident + "/postmortem", Map.of("publishedAt", "2026-09-11T10:00:00Z",
                "url", "https://wiki.example/pm/42", "summary", "rotate certificates automatically")));

        JsonNode view = lead.get(base + "/" + incident).json();
        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.get("acknowledgedBy").asText()).isEqualTo("partner-ravi");
        assertThat(view.get("acknowledgedWithinTarget").asBoolean()).isFalse();
        assertThat(view.get("postmortemUrl").asText()).isEqualTo("https://wiki.example/pm/42");
    }

    @Test
    void delivery_facts_are_recorded_and_listed() {
        Api lead = api(TestTokens.lead("lead-anna"));
        Api partner = api(TestTokens.partner("partner-ravi"));
        String id = openEngagement(lead);
        String base = "/engagements/" + id;
        String item = partner.post(base + "/work-items", Map.of("title", "checkout button",
                "startedAt", "2026-08-05T09:00:00Z")).id();
        ok(partner.post(base + "/work-items/" + item + "/delivery", Map.of("deliveredAt", "2026-08-08T09:00:00Z")));
        ok(lead.post(base + "/work-items/" + item + "/reopening", Map.of("reopenedAt", "2026-08-12T09:00:00Z",
                "reason", "fails on Safari")));
        String release = lead.post(base + "/releases", Map.of("name", "1.0", "plannedFor", "2026-08-20")).id();
        ok(lead.post(base + "/releases/" + release + "/shipment", Map.of("shippedOn", "2026-08-22")));
        Api.Response defect = lead.post(base + "/defects", Map.of("stage", "PRODUCTION", "severity", "SEV2",
                "foundAt", "2026-08-23T10:00:00Z", "releaseId", release, "description", "totals off by one"));
        ok(defect);
        ok(lead.post(base + "/satisfaction-ratings", Map.of("stakeholder", "VP Product", "rating", 4,
                "ratedOn", "2026-08-28")));

        assertThat(lead.get(base + "/work-items/" + item).json().get("status").asText()).isEqualTo("REOPENED");
        assertThat(lead.get(base + "/releases/" + release).json().get("daysLate").asLong()).isEqualTo(2);
        assertThat(lead.get(base + "/defects").json().get("items").get(0).get("stage").asText()).isEqualTo("PRODUCTION");
        assertThat(lead.get(base + "/defects/" + defect.id()).json().get("releaseId").asText()).isEqualTo(release);
        assertThat(lead.get(base + "/satisfaction-ratings").json().get("items").get(0).get("rating").asInt()).isEqualTo(4);
    }
}
