package com.engagementledger.engagement.publishing;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.Scenario;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the REST API through one engagement's whole life so that every published event type is stored once. */
final class EveryEventType {
    private final Api lead;
    private final Api partner;

    EveryEventType(Api lead, Api partner) {
        this.lead = lead;
        this.partner = partner;
    }

    /** Opens an engagement, records every kind of fact on it, closes it, and answers its id. */
    String engagementWithEveryEvent(String name) {
        String e = ok(lead.post("/engagements", Scenario.engagement(name))).id();
        String base = "/engagements/" + e;
        ok(lead.post(base + "/coverage", Map.of("coveragePattern", "FULL_CLIENT_HOURS", "overlapStart", "08:00",
                "overlapEnd", "16:00", "reason", "release month")));
        ok(lead.post(base + "/workstreams", Map.of("name", "Checkout", "workType", "WELL_DEFINED_FEATURE",
                "confirmedConditions", List.of("SPECS_AND_ACCEPTANCE_CRITERIA", "REACHABLE_PRODUCT_OWNER"))));
        ok(lead.post(base + "/ownership/ON_CALL", Map.of("ownerId", "p-1", "ownerName", "Priya",
                "ownerSide", "PARTNER", "reason", "partner runs nights")));
        ok(lead.post(base + "/ownership/ON_CALL", Map.of("ownerId", "p-2", "ownerName", "Arjun",
                "ownerSide", "PARTNER", "reason", "rotation")));
        ok(lead.post(base + "/ownership/ON_CALL/revocation", Map.of("reason", "team leaves")));
        ok(lead.post(base + "/governance-reviews", Map.of("kind", "WEEKLY_METRICS", "heldOn", "2026-08-10",
                "attendees", List.of("lead", "partner"), "outcomes", List.of("keep going"))));
        ok(lead.post(base + "/escalation-path", Map.of("levels", List.of(
                Map.of("name", "Engineering lead", "contact", "lead@example.com", "side", "CLIENT")))));

        String older = ok(lead.post(base + "/decisions", Scenario.decision("Trunk-based", "PROCESS", "REVERSIBLE")))
                .id();
        ok(lead.post(base + "/decisions/" + older + "/acceptance", ""));
        String newer = ok(lead.post(base + "/decisions", Scenario.decision("Monorepo", "PROCESS", "IRREVERSIBLE")))
                .id();
        ok(lead.post(base + "/decisions/" + newer + "/acceptance", ""));
        ok(partner.post(base + "/decisions/" + newer + "/approval", ""));
        ok(lead.post(base + "/decisions/" + older + "/supersession", Map.of("supersededBy", newer,
                "reason", "monorepo replaces it")));
        ok(lead.post(base + "/decisions/" + newer + "/reversal", Map.of("reason", "tooling not ready")));

        String engineer = ok(lead.post(base + "/engineers", Map.of("name", "Mei", "side", "PARTNER",
                "role", "backend", "joinedOn", "2026-08-03"))).id();
        String eng = base + "/engineers/" + engineer;
        ok(lead.post(eng + "/milestones", Map.of("milestone", "ACCESS_GRANTED", "reachedOn", "2026-08-05")));
        ok(lead.post(eng + "/phase", Map.of("toPhase", "CONTRIBUTION", "advancedOn", "2026-08-20")));
        ok(lead.post(eng + "/knowledge-transfer-assessment", Map.of("score", 4, "assessedOn", "2026-09-02",
                "notes", "good walkthroughs")));
        ok(lead.post(eng + "/departure", Map.of("leftOn", "2026-10-01", "reason", "rotation")));

        String incident = ok(lead.post(base + "/incidents", Map.of("severity", "SEV2", "service", "checkout",
                "title", "payments time out", "detectedAt", "2026-09-01T10:00:00Z",
                "runbookUrl", "https://runbooks.example.com/payments"))).id();
        String inc = base + "/incidents/" + incident;
        ok(partner.post(inc + "/acknowledgement", Map.of("acknowledgedAt", "2026-09-01T10:05:00Z")));
        ok(partner.post(inc + "/escalation", Map.of("escalatedTo", "Engineering lead",
                "escalatedAt", "2026-09-01T10:10:00Z", "reason", "needs a database change")));
        ok(partner.post(inc + "/mitigation", Map.of("mitigatedAt", "2026-09-01T10:30:00Z", "summary", "failover")));
        ok(partner.post(inc + "/resolution", Map.of("resolvedAt", "2026-09-01T11:00:00Z",
                "rootCause", "pool exhausted")));
        ok(partner.post(inc + "/postmortem", Map.of("publishedAt", "2026-09-02T09:00:00Z",
                "url", "https://wiki.example.com/pm/1", "summary", "bigger pool")));

        String workItem = ok(lead.post(base + "/work-items", Map.of("title", "Pay by link",
                "startedAt", "2026-09-01T09:00:00Z"))).id();
        ok(lead.post(base + "/work-items/" + workItem + "/delivery", Map.of("deliveredAt", "2026-09-03T09:00:00Z")));
        ok(lead.post(base + "/work-items/" + workItem + "/reopening", Map.of("reopenedAt", "2026-09-04T09:00:00Z",
                "reason", "edge case")));
        String release = ok(lead.post(base + "/releases", Map.of("name", "R1", "plannedFor", "2026-09-10"))).id();
        ok(lead.post(base + "/releases/" + release + "/shipment", Map.of("shippedOn", "2026-09-12")));
        ok(lead.post(base + "/defects", Map.of("stage", "PRODUCTION", "severity", "SEV3",
                "foundAt", "2026-09-13T08:00:00Z", "releaseId", release, "description", "rounding")));
        ok(lead.post(base + "/satisfaction-ratings", Map.of("stakeholder", "CFO", "rating", 4,
                "ratedOn", "2026-09-15", "comment", "steady")));

        ok(lead.post(base + "/pause", Map.of("reason", "budget review")));
        ok(lead.post(base + "/resume", Map.of("reason", "budget approved")));
        ok(lead.post(base + "/close", Map.of("reason", "done")));
        return e;
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as("answer to a command: %s", response.body()).isBetween(200, 299);
        return response;
    }
}
