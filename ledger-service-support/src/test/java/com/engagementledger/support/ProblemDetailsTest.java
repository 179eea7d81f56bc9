package com.engagementledger.support;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 4xx/5xx of a service built on ledger-service-support is {@code application/problem+json} with the catalogue's
 * rule (docs/problems.md), whatever raised it: Spring MVC, Spring Security, a filter, the service, or a failure.
 * The test service's request-body limit is 1 KB and its database listens nowhere.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsTest {
    private static final String LEAD = TestTokens.lead("lead-anna");

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    private HttpResponse<String> postThing(String body) {
        return http().post("/things", LEAD, "application/json", body);
    }

    @Test
    void bean_validation_names_every_field_and_its_rule() {
        assertThatProblem(postThing("{\"code\": \"far-too-long\"}")).hasStatus(400).hasRule("request.invalid")
                .hasError("code", "request.field.size").hasError("side", "request.field.required");
        assertThatProblem(postThing("{\"code\": \"far-too-long\", \"side\": \"CLIENT\"}")).hasStatus(400)
                .hasField("code");
        assertThat(postThing("{\"code\": \"ok\", \"side\": \"CLIENT\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void malformed_json_wrong_types_and_unknown_enum_values_are_400() {
        assertThatProblem(postThing("{\"code\": ")).hasStatus(400).hasRule("request.body.malformed");
        HttpResponse<String> unknownSide = postThing("{\"code\": \"a\", \"side\": \"BOTH\"}");
        assertThatProblem(unknownSide).hasStatus(400).hasRule("request.invalid").hasField("side")
                .hasError("side", "request.field.enum");
        assertThat(unknownSide.body()).contains("CLIENT", "PARTNER");
        assertThatProblem(postThing("{\"code\": {\"nested\": 1}, \"side\": \"CLIENT\"}")).hasStatus(400)
                .hasError("code", "request.field.type");
    }

    @Test
    void a_bad_or_missing_query_parameter_is_named() {
        assertThatProblem(http().get("/things?size=abc", LEAD)).hasStatus(400).hasRule("request.parameter.invalid")
                .hasField("size").hasError("size", "request.field.type");
        assertThatProblem(http().get("/things?side=BOTH", LEAD)).hasStatus(400).hasError("side", "request.field.enum");
        assertThatProblem(http().get("/alerts/al-1", LEAD)).hasStatus(400).hasRule("request.parameter.invalid")
                .hasError("engagementId", "request.field.required");
    }

    @Test
    void no_token_and_a_refused_token_are_401() {
        HttpResponse<String> none = http().get("/things", null);
        assertThatProblem(none).hasStatus(401).hasRule("auth.token.required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        String wrongKey = TestTokens.token("mallory").roles("ADMIN").secret("another-secret-of-at-least-32-bytes-long!")
                .sign();
        HttpResponse<String> forged = http().get("/things", wrongKey);
        assertThatProblem(forged).hasStatus(401).hasRule("auth.token.invalid");
        assertThat(forged.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        String expired = TestTokens.token("late").roles("LEAD").expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThatProblem(http().get("/things", expired)).hasStatus(401).hasRule("auth.token.invalid");
        assertThatProblem(http().get("/things", "not.a.jwt")).hasStatus(401).hasRule("auth.token.invalid");
    }

    @Test
    void roles_decide_what_a_valid_token_may_do_and_403_says_so() {
        String auditor = TestTokens.auditor("auditor-olga");
        assertThat(http().get("/things", auditor).statusCode()).isEqualTo(200);
        assertThatProblem(http().post("/things", auditor, "application/json", "{\"code\": \"a\", \"side\": \"CLIENT\"}"))
                .hasStatus(403).hasRule("auth.role.forbidden");
        String noRole = TestTokens.token("nobody").sign();
        assertThatProblem(http().get("/things", noRole)).hasStatus(403).hasRule("auth.role.forbidden");
        assertThatProblem(http().get("/admin/anything", LEAD)).hasStatus(403).hasRule("auth.role.forbidden");
        assertThatProblem(http().get("/actuator/info", LEAD)).hasStatus(403).hasRule("auth.role.forbidden");
        assertThat(http().get("/actuator/info", TestTokens.token("svc").roles("SERVICE").sign()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void health_the_api_description_and_a_services_public_paths_need_no_token() {
        // the test service's Kafka listens nowhere, so its health is DOWN (503), and says so without a token
        HttpResponse<String> health = http().get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");
        // the API description is public on every service (ledger-service-support describes it)
        assertThat(http().get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(http().get("/public/hello", null).body()).isEqualTo("hello");
    }

    @Test
    void unknown_paths_methods_and_media_types() {
        assertThatProblem(http().get("/nowhere", LEAD)).hasStatus(404).hasRule("resource.not-found");
        assertThatProblem(http().get("/error", LEAD)).hasStatus(404).hasRule("resource.not-found");
        assertThatProblem(http().delete("/things", LEAD)).hasStatus(405).hasRule("request.method.not-allowed");
        assertThatProblem(http().post("/things", LEAD, "text/plain", "code=a")).hasStatus(415)
                .hasRule("request.media-type.unsupported");
    }

    @Test
    void a_services_own_rule_keeps_its_status_and_gets_its_type() {
        assertThatProblem(http().post("/things/x/archive", LEAD, "application/json", "")).hasStatus(409)
                .hasRule("thing.already-archived");
    }

    @Test
    void a_body_over_the_limit_is_413_whether_its_length_is_declared_or_not() {
        String large = "{\"code\": \"" + "x".repeat(2048) + "\", \"side\": \"CLIENT\"}";
        assertThatProblem(postThing(large)).hasStatus(413).hasRule("request.body.too-large");
        assertThatProblem(http().postChunked("/things", LEAD, large.getBytes())).hasStatus(413)
                .hasRule("request.body.too-large");
    }

    @Test
    void an_unreachable_database_is_503_with_retry_after_and_anything_else_a_500_that_leaks_nothing() {
        HttpResponse<String> database = http().get("/database", LEAD);
        assertThatProblem(database).hasStatus(503).hasRule("service.unavailable");
        assertThat(database.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> boom = http().get("/boom", LEAD);
        assertThatProblem(boom).hasStatus(500).hasRule("server.unexpected");
        assertThat(boom.body()).doesNotContain("internal detail");
    }
}
