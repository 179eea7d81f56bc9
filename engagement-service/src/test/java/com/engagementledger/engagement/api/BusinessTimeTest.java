package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * effectiveAt on the commands whose facts had no time of their own: each time rule is a 422 naming the rule and the
 * field, and records nothing (the engagement's history and its views stay as they were); what is accepted is shown
 * at its business time.
 */
class BusinessTimeTest extends IntegrationTest {
    // Scenario.engagement starts on 2026-08-03 in Europe/Berlin: 2026-08-02T22:00:00Z
    private static final String BEFORE_START = "2026-08-02T21:59:59Z";
    private static final String PROPOSED = "2026-09-01T10:00:00Z";
    private static final String ACCEPTED = "2026-09-01T11:00:00Z";

    private Api lead;

    @BeforeEach
    void lead() {
        lead = api(TestTokens.lead("lead-anna"));
    }

    @Test
    void each_time_rule_is_refused_with_its_rule_and_nothing_is_recorded() {
        String e = lead.post("/engagements", Scenario.engagement("Business time")).id();
        String base = "/engagements/" + e;
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();

        refused(base, base + "/decisions", proposal(BEFORE_START), "decision.time.before-start");
        refused(base, base + "/decisions", proposal(future), "time.future");
        refused(base, base + "/decisions", proposal("1999-12-31T23:59:59Z"), "time.before-2000");
        refused(base, base + "/workstreams", Map.of("name", "Checkout", "workType", "MODULAR_PLATFORM",
                "confirmedConditions", List.of("API_CONTRACTS_AND_VERSIONING_AGREED"), "effectiveAt", BEFORE_START),
                "workstream.time.before-start");
        refused(base, base + "/ownership/ON_CALL", owner("ravi", BEFORE_START), "ownership.time.before-start");
        refused(base, base + "/pause", Map.of("reason", "x", "effectiveAt", BEFORE_START),
                "engagement.time.before-start");
        Map<String, Object> level = Map.of("name", "Engineering lead", "contact", "lead@example.com",
                "side", "CLIENT");
        refused(base, base + "/escalation-path", Map.of("levels", List.of(level), "effectiveAt", BEFORE_START),
                "governance.time.before-start");

        String decision = lead.post(base + "/decisions", proposal(PROPOSED)).id();
        String d = base + "/decisions/" + decision;
        refused(base, d + "/acceptance", Map.of("effectiveAt", "2026-09-01T09:59:59Z"), "decision.time.backwards");
        assertThat(lead.post(d + "/acceptance", Map.of("effectiveAt", ACCEPTED)).status()).isEqualTo(200);
        refused(base, d + "/reversal", Map.of("reason", "x", "effectiveAt", "2026-09-01T10:30:00Z"),
                "decision.time.backwards");

        assertThat(lead.post(base + "/ownership/ON_CALL", owner("ravi", "2026-09-03T10:00:00Z")).status())
                .isEqualTo(200);
        refused(base, base + "/ownership/ON_CALL", owner("mei", "2026-09-02T10:00:00Z"), "ownership.time.backwards");
        refused(base, base + "/ownership/ON_CALL/revocation", Map.of("reason", "x",
                "effectiveAt", "2026-09-02T10:00:00Z"), "ownership.time.backwards");

        assertThat(lead.post(base + "/pause", Map.of("reason", "budget", "effectiveAt", "2026-09-10T08:00:00Z"))
                .status()).isEqualTo(200);
        refused(base, base + "/resume", Map.of("reason", "ok", "effectiveAt", "2026-09-09T08:00:00Z"),
                "engagement.time.backwards");
        refused(base, base + "/close", Map.of("reason", "done", "effectiveAt", "2026-09-09T08:00:00Z"),
                "engagement.time.backwards");

        // what was accepted shows when it happened, beside when it was recorded
        JsonNode view = lead.get(d).json();
        assertThat(Instant.parse(view.get("proposed").get("at").asText())).isEqualTo(Instant.parse(PROPOSED));
        assertThat(Instant.parse(view.get("accepted").get("at").asText())).isEqualTo(Instant.parse(ACCEPTED));
        assertThat(Instant.parse(view.get("accepted").get("recordedAt").asText()))
                .isAfter(Instant.parse(ACCEPTED));
        JsonNode owner = lead.get(base + "/ownership").json().get("ON_CALL");
        assertThat(Instant.parse(owner.get("since").asText())).isEqualTo(Instant.parse("2026-09-03T10:00:00Z"));
        // opened, proposed, accepted, assigned, paused: no refused command left a trace
        assertThat(lead.get(base + "/history").json().get("items")).hasSize(5);
    }

    @Test
    void without_effective_at_a_fact_happens_now() {
        String e = lead.post("/engagements", Scenario.engagement("Business time now")).id();
        String decision = lead.post("/engagements/" + e + "/decisions",
                Scenario.decision("Trunk-based", "PROCESS", "REVERSIBLE")).id();
        Instant before = Instant.now();
        assertThat(lead.post("/engagements/" + e + "/decisions/" + decision + "/acceptance", "").status())
                .isEqualTo(200);

        JsonNode accepted = lead.get("/engagements/" + e + "/decisions/" + decision).json().get("accepted");
        // the clock's now when the request came, just before the ledger recorded it (whose time has milliseconds)
        assertThat(Instant.parse(accepted.get("at").asText())).isBetween(before,
                Instant.parse(accepted.get("recordedAt").asText()).plusMillis(1));
    }

    @Test
    void a_malformed_effective_at_is_a_bad_request_naming_the_field() {
        String e = lead.post("/engagements", Scenario.engagement("Business time malformed")).id();
        Api.Response answer = lead.post("/engagements/" + e + "/pause", Map.of("reason", "x",
                "effectiveAt", "last tuesday"));
        assertThatProblem(answer.raw()).hasStatus(400).hasField("effectiveAt");
    }

    /** The command is refused with {@code rule} on effectiveAt, and the engagement's history did not grow. */
    private void refused(String engagement, String path, Object body, String rule) {
        int before = lead.get(engagement + "/history").json().get("items").size();
        Api.Response answer = lead.post(path, body);
        assertThatProblem(answer.raw()).hasStatus(422).hasRule(rule).hasField("effectiveAt");
        assertThat(lead.get(engagement + "/history").json().get("items")).as("history after " + rule)
                .hasSize(before);
    }

    private static Map<String, Object> proposal(String effectiveAt) {
        Map<String, Object> body = new LinkedHashMap<>(Scenario.decision("Trunk-based", "PROCESS", "REVERSIBLE"));
        body.put("effectiveAt", effectiveAt);
        return body;
    }

    private static Map<String, Object> owner(String ownerId, String effectiveAt) {
        return Map.of("ownerId", ownerId, "ownerSide", "PARTNER", "reason", "rotation", "effectiveAt", effectiveAt);
    }
}
