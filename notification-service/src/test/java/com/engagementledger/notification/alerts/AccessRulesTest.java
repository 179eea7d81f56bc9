package com.engagementledger.notification.alerts;

import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Alerts alerts;

    private HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String openAlert(String engagement) {
        return alerts.open(new AlertCondition("quality.drift", engagement, "defect-leakage"), AlertSeverity.WARNING,
                "drift", List.of()).orElseThrow().toString();
    }

    @Test
    void a_token_without_a_known_role_may_do_nothing() {
        String engagement = newId();
        String alert = openAlert(engagement);
        for (String token : List.of(TestTokens.token("nobody").engagements(engagement).sign(),
                TestTokens.token("guest").roles("GUEST").engagements(engagement).sign())) {
            for (String path : List.of("/alerts", "/alerts/" + alert, "/alerts/stream", "/subscriptions")) {
                assertThatProblem(call("GET", path, token)).hasStatus(403).hasRule("auth.role.forbidden");
            }
            assertThatProblem(call("POST", "/alerts/" + alert + "/acknowledge", token)).hasStatus(403)
                    .hasRule("auth.role.forbidden");
        }
        assertThat(get("/alerts/" + alert, lead(engagement)).body().get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void metrics_are_for_service_and_admin_tokens_only() {
        assertThatProblem(call("GET", "/actuator/prometheus", null)).hasStatus(401).hasRule("auth.token.required");
        for (String reader : List.of(TestTokens.lead("lead-1"), TestTokens.partner("partner-1"),
                TestTokens.auditor("auditor-1"))) {
            assertThatProblem(call("GET", "/actuator/prometheus", reader)).hasStatus(403)
                    .hasRule("auth.role.forbidden");
        }
        for (String operator : List.of(TestTokens.token("svc").roles("SERVICE").sign(), TestTokens.admin("admin"))) {
            HttpResponse<String> scrape = call("GET", "/actuator/prometheus", operator);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void error_asked_for_directly_is_a_problem_details_404() {
        assertThatProblem(call("GET", "/error", null)).hasStatus(404).hasRule("resource.not-found");
        assertThatProblem(call("GET", "/error", TestTokens.lead("lead-1"))).hasStatus(404)
                .hasRule("resource.not-found");
        assertThatProblem(call("POST", "/error", TestTokens.admin("admin"))).hasStatus(404)
                .hasRule("resource.not-found");
    }

    @Test
    void an_unknown_side_or_one_that_does_not_fit_the_roles_is_401_and_recorded_nowhere() {
        String engagement = newId();
        String alert = openAlert(engagement);
        for (String token : List.of(TestTokens.token("svc-both").side("BOTH").roles("SERVICE").sign(),
                TestTokens.token("partner-as-client").side("CLIENT").roles("PARTNER").sign(),
                TestTokens.token("lead-as-partner").side("PARTNER").roles("LEAD").sign())) {
            assertThatProblem(call("GET", "/alerts", token)).hasStatus(401).hasRule("auth.token.invalid");
            assertThatProblem(call("POST", "/alerts/" + alert + "/acknowledge", token)).hasStatus(401)
                    .hasRule("auth.token.invalid");
        }
        // the marker: a valid acknowledgement is recorded, and it is the only change by a caller
        assertThat(post("/alerts/" + alert + "/acknowledge", lead(engagement), null).status()).isEqualTo(200);
        List<String> sides = jdbc.sql("select coalesce(actor_side, '-') from alert_history where alert_id = ?")
                .params(UUID.fromString(alert)).query(String.class).list();
        assertThat(sides).doesNotContain("BOTH", "PARTNER").contains("CLIENT");
    }

    @Test
    void anonymous_health_is_the_status_alone_and_operators_see_its_components() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            JsonNode anonymous = get(path, null).body();
            List<String> fields = new ArrayList<>();
            anonymous.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(path + ": " + anonymous).isSubsetOf("status", "groups");
        }
        assertThat(get("/actuator/health", TestTokens.lead("lead-1")).body().has("components")).isFalse();
        JsonNode operator = get("/actuator/health", TestTokens.token("svc").roles("SERVICE").sign()).body();
        assertThat(operator.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(operator.path("components").path("kafka").path("details").size()).isPositive();
    }
}
