package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and change what, and who is recorded as having done it. */
class AccessTest extends IntegrationTest {

    @Test
    void a_token_for_engagement_a_cannot_read_or_change_b() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String a = lead.post("/engagements", Scenario.engagement("A")).id();
        String b = lead.post("/engagements", Scenario.engagement("B")).id();
        Api onlyA = api(TestTokens.token("svc-a").roles("SERVICE").engagements(a).sign());

        assertThat(onlyA.get("/engagements/" + a).status()).isEqualTo(200);
        assertThat(onlyA.get("/engagements/" + b).status()).isEqualTo(404);
        assertThat(onlyA.get("/engagements/" + b + "/decisions").status()).isEqualTo(404);
        assertThat(onlyA.post("/engagements/" + b + "/ownership/MONITORING",
                Map.of("ownerId", "x", "ownerSide", "CLIENT", "reason", "r")).status()).isEqualTo(404);
        Api.Response visible = onlyA.get("/engagements?size=200");
        assertThat(visible.json().get("items").findValuesAsText("engagementId")).containsExactly(a);
        assertThat(visible.json().get("totalItems").asLong()).isEqualTo(1);
        // a decision of B asked for through A's path is not found either
        String decisionOfB = lead.post("/engagements/" + b + "/decisions",
                Scenario.decision("t", "PROCESS", "REVERSIBLE")).id();
        assertThat(onlyA.get("/engagements/" + a + "/decisions/" + decisionOfB).status()).isEqualTo(404);
    }

    @Test
    void the_recorded_actor_is_the_token_subject_even_when_the_body_claims_otherwise() {
        Api partner = api(TestTokens.partner("partner-ravi"));
        String id = api(TestTokens.lead("lead-anna")).post("/engagements", Scenario.engagement("Who")).id();
        Map<String, Object> body = new HashMap<>(Scenario.decision("t", "PROCESS", "REVERSIBLE"));
        body.put("proposedBy", "ceo-of-client");
        body.put("actor", "ceo-of-client");
        String decision = partner.post("/engagements/" + id + "/decisions", body).id();
        var view = partner.get("/engagements/" + id + "/decisions/" + decision).json();
        assertThat(view.get("proposed").get("by").asText()).isEqualTo("partner-ravi");
        assertThat(view.get("proposed").get("side").asText()).isEqualTo("PARTNER");
    }

    @Test
    void an_auditor_reads_but_never_changes() {
        String id = api(TestTokens.lead("lead-anna")).post("/engagements", Scenario.engagement("Audited")).id();
        Api auditor = api(TestTokens.auditor("auditor-olga"));
        assertThat(auditor.get("/engagements/" + id).status()).isEqualTo(200);
        Api.Response write = auditor.post("/engagements/" + id + "/pause", Map.of("reason", "x"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void missing_expired_badly_signed_and_unsigned_tokens_are_401() {
        assertThat(api(null).get("/engagements").status()).isEqualTo(401);
        String expired = TestTokens.token("x").roles("LEAD").expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThat(api(expired).get("/engagements").status()).isEqualTo(401);
        String wrongKey = TestTokens.token("x").roles("LEAD").secret("another-secret-of-at-least-thirty-two-bytes!!").sign();
        assertThat(api(wrongKey).get("/engagements").status()).isEqualTo(401);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"x\",\"side\":\"CLIENT\",\"roles\":[\"ADMIN\"],\"engagements\":[\"*\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        Api.Response unsigned = api(none).get("/engagements");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void health_needs_no_token() {
        assertThat(api(null).get("/actuator/health").status()).as("health").isEqualTo(200);
        assertThat(api(null).get("/v3/api-docs").status()).as("api-docs").isEqualTo(200);
        Api.Response prometheus = api(TestTokens.token("svc").roles("SERVICE").sign())
                .get("/actuator/prometheus");
        assertThat(prometheus.status()).as("prometheus").isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    private static void assertProblem(Api.Response response, int status, String rule) {
        assertThatProblem(response.status(), response.header("Content-Type"), response.body()).hasStatus(status)
                .hasRule(rule);
    }

    @Test
    void a_partner_token_that_claims_the_client_side_cannot_accept_an_architecture_decision() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Sides")).id();
        String decision = api(TestTokens.partner("partner-ravi")).post("/engagements/" + id + "/decisions",
                Scenario.decision("Event store", "ARCHITECTURE", "COSTLY")).id();
        Api disguised = api(TestTokens.token("partner-ravi").side("CLIENT").roles("PARTNER").sign());

        assertProblem(disguised.post("/engagements/" + id + "/decisions/" + decision + "/acceptance", Map.of()),
                401, "auth.token.invalid");
        assertProblem(disguised.get("/engagements/" + id), 401, "auth.token.invalid");
        assertThat(lead.get("/engagements/" + id + "/decisions/" + decision).json().get("status").asText())
                .isEqualTo("PROPOSED");
    }

    @Test
    void a_token_with_an_unknown_side_is_401_on_reads_and_writes_and_records_nothing() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Both sides")).id();
        Api both = api(TestTokens.token("svc-both").side("BOTH").roles("SERVICE").sign());

        assertProblem(both.get("/engagements/" + id), 401, "auth.token.invalid");
        assertProblem(both.get("/engagements"), 401, "auth.token.invalid");
        assertProblem(both.post("/engagements/" + id + "/decisions", Scenario.decision("t", "PROCESS", "REVERSIBLE")),
                401, "auth.token.invalid");
        assertThat(lead.get("/engagements/" + id + "/history").json().get("items")).hasSize(1);
    }

    @Test
    void empty_and_missing_subjects_and_tokens_without_expiry_are_401_and_record_nothing() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Nobody")).id();
        for (String token : List.of(TestTokens.token("").side("CLIENT").roles("LEAD").sign(),
                TestTokens.token("x").side("CLIENT").roles("LEAD").claim("sub", null).sign(),
                TestTokens.token("anna\r\nforged").side("CLIENT").roles("LEAD").sign(),
                TestTokens.token("anna").side("CLIENT").roles("LEAD").claim("exp", null).sign())) {
            assertProblem(api(token).post("/engagements/" + id + "/decisions",
                    Scenario.decision("t", "PROCESS", "REVERSIBLE")), 401, "auth.token.invalid");
            assertProblem(api(token).get("/engagements/" + id + "/history"), 401, "auth.token.invalid");
        }
        assertThat(lead.get("/engagements/" + id + "/history").json().get("items")).hasSize(1);
    }

    @Test
    void a_token_without_a_known_role_may_do_nothing() {
        String id = api(TestTokens.lead("lead-anna")).post("/engagements", Scenario.engagement("Roleless")).id();
        for (String token : List.of(TestTokens.token("nobody").sign(),
                TestTokens.token("guest").roles("GUEST").sign())) {
            assertProblem(api(token).get("/engagements"), 403, "auth.role.forbidden");
            assertProblem(api(token).get("/engagements/" + id + "/history"), 403, "auth.role.forbidden");
            assertProblem(api(token).post("/engagements/" + id + "/pause", Map.of("reason", "x")), 403,
                    "auth.role.forbidden");
        }
    }

    @Test
    void metrics_are_for_service_and_admin_tokens_only() {
        assertProblem(api(null).get("/actuator/prometheus"), 401, "auth.token.required");
        for (String reader : List.of(TestTokens.lead("lead-anna"), TestTokens.auditor("auditor-olga"),
                TestTokens.partner("partner-ravi"))) {
            assertProblem(api(reader).get("/actuator/prometheus"), 403, "auth.role.forbidden");
        }
        for (String operator : List.of(TestTokens.token("svc").roles("SERVICE").sign(),
                TestTokens.admin("admin-ada"))) {
            assertThat(api(operator).get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void error_asked_for_directly_is_a_problem_details_404() {
        assertProblem(api(null).get("/error"), 404, "resource.not-found");
        assertProblem(api(TestTokens.lead("lead-anna")).get("/error"), 404, "resource.not-found");
        assertProblem(api(TestTokens.admin("admin-ada")).postRaw("/error", "{}"), 404, "resource.not-found");
    }

    @Test
    void anonymous_health_is_the_status_alone_and_operators_see_its_components() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            Api.Response anonymous = api(null).get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(200);
            List<String> fields = new java.util.ArrayList<>();
            anonymous.json().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(path + ": " + anonymous.body()).isSubsetOf("status", "groups");
        }
        assertThat(api(TestTokens.lead("lead-anna")).get("/actuator/health").json().has("components")).isFalse();
        Api.Response operator = api(TestTokens.token("svc").roles("SERVICE").sign()).get("/actuator/health");
        assertThat(operator.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(operator.json().path("components").path("publication").path("details").has("lag")).isTrue();
    }
}
