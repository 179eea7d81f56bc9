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
}
