package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules of who may do what, as this service answers them (the same on every service). */
class AccessRulesTest extends IntegrationTest {
    private final String engagement = UUID.randomUUID().toString();

    @Test
    void a_token_without_a_known_role_may_do_nothing() {
        for (String token : List.of(TestTokens.token("nobody").sign(),
                TestTokens.token("guest").roles("GUEST").sign())) {
            for (String path : List.of("/scorecards", "/scorecards/" + engagement,
                    "/scorecards/" + engagement + "/weekly", "/scorecards/" + engagement + "/weekly.csv",
                    "/scorecards/" + engagement + "/measures/cycle-time/evidence")) {
                assertThatProblem(get(path, token)).hasStatus(403).hasRule("auth.role.forbidden");
            }
            assertThatProblem(post("/admin/rebuild", token)).hasStatus(403).hasRule("auth.role.forbidden");
        }
    }

    @Test
    void metrics_are_for_service_and_admin_tokens_only() {
        assertThatProblem(get("/actuator/prometheus", null, "text/plain")).hasStatus(401)
                .hasRule("auth.token.required");
        for (String reader : List.of(TestTokens.lead("lead-1"), TestTokens.partner("partner-1"),
                TestTokens.auditor("auditor-1"))) {
            assertThatProblem(get("/actuator/prometheus", reader, "text/plain")).hasStatus(403)
                    .hasRule("auth.role.forbidden");
        }
        for (String operator : List.of(TestTokens.token("svc").roles("SERVICE").sign(), TestTokens.admin("admin"))) {
            HttpResponse<String> scrape = get("/actuator/prometheus", operator, "text/plain");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void error_asked_for_directly_is_a_problem_details_404() throws Exception {
        assertThatProblem(get("/error", null)).hasStatus(404).hasRule("resource.not-found");
        assertThatProblem(get("/error", TestTokens.lead("lead-1"))).hasStatus(404).hasRule("resource.not-found");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/error")))
                .header("Authorization", "Bearer " + TestTokens.admin("admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThatProblem(posted).hasStatus(404).hasRule("resource.not-found");
    }

    @Test
    void an_unknown_side_or_one_that_does_not_fit_the_roles_is_401() {
        for (String token : List.of(TestTokens.token("svc-both").side("BOTH").roles("SERVICE").sign(),
                TestTokens.token("partner-as-client").side("CLIENT").roles("PARTNER").sign(),
                TestTokens.token("lead-as-partner").side("PARTNER").roles("LEAD").sign())) {
            assertThatProblem(get("/scorecards", token)).hasStatus(401).hasRule("auth.token.invalid");
        }
        assertThat(get("/scorecards", TestTokens.partner("partner-1")).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymous_health_is_the_status_alone_and_operators_see_its_components() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            JsonNode anonymous = json(get(path, null));
            List<String> fields = new ArrayList<>();
            anonymous.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(path + ": " + anonymous).isSubsetOf("status", "groups");
        }
        assertThat(json(get("/actuator/health", TestTokens.lead("lead-1"))).has("components")).isFalse();
        JsonNode operator = json(get("/actuator/health", TestTokens.token("svc").roles("SERVICE").sign()));
        assertThat(operator.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(operator.path("components").path("kafka").path("details").size()).isPositive();
    }
}
