package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.ProblemAssert;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error is Problem Details naming the field or rule; nothing recorded changes on an error. */
class ProblemDetailsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static JsonNode firstError(Api.Response response) {
        return response.json().get("errors").get(0);
    }

    private static ProblemAssert assertProblem(Api.Response response, int status) {
        return assertThatProblem(response.raw()).hasStatus(status);
    }

    @Test
    void malformed_json_is_400() {
        Api lead = api(TestTokens.lead("lead-anna"));
        long before = storedEvents();
        Api.Response response = lead.postRaw("/engagements", "{\"name\": \"x\",");
        assertProblem(response, 400).hasRule("request.body.malformed");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknown_enum_value_lists_the_allowed_values() {
        Map<String, Object> body = new HashMap<>(Scenario.engagement("x"));
        body.put("model", "BODY_SHOP");
        Api.Response response = api(TestTokens.lead("lead-anna")).post("/engagements", body);
        assertProblem(response, 400);
        assertThat(firstError(response).get("field").asText()).isEqualTo("model");
        assertThat(firstError(response).get("rule").asText()).isEqualTo("request.field.enum");
        assertThat(firstError(response).get("message").asText()).contains("DEDICATED_TEAM", "SPECIALIST_SUPPORT");
    }

    @Test
    void wrong_type_names_the_field() {
        String id = api(TestTokens.lead("lead-anna")).post("/engagements", Scenario.engagement("x")).id();
        Api.Response response = api(TestTokens.lead("lead-anna")).post("/engagements/" + id + "/satisfaction-ratings",
                Map.of("stakeholder", "VP", "rating", "five", "ratedOn", "2026-09-01"));
        assertProblem(response, 400);
        assertThat(firstError(response).get("field").asText()).isEqualTo("rating");
    }

    @Test
    void missing_required_field_and_too_long_string_are_named() {
        Map<String, Object> body = new HashMap<>(Scenario.engagement("x".repeat(201)));
        body.remove("startDate");
        Api.Response response = api(TestTokens.lead("lead-anna")).post("/engagements", body);
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("startDate", "name");
        assertThat(response.json().get("errors").findValuesAsText("rule"))
                .contains("request.field.required", "request.field.size");
    }

    @Test
    void absurd_and_control_character_inputs_are_refused() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        long before = storedEvents();
        Api.Response year9999 = lead.post("/engagements/" + id + "/incidents", Map.of("severity", "SEV2",
                "service", "api", "title", "t", "detectedAt", "9999-01-01T00:00:00Z"));
        assertProblem(year9999, 400);
        assertThat(firstError(year9999).get("field").asText()).isEqualTo("detectedAt");
        Api.Response control = lead.post("/engagements/" + id + "/incidents", Map.of("severity", "SEV2",
                "service", "api\u0007", "title", "t", "detectedAt", "2026-09-01T00:00:00Z"));
        assertProblem(control, 400);
        assertThat(firstError(control).get("field").asText()).isEqualTo("service");
        Api.Response zeroRating = lead.post("/engagements/" + id + "/satisfaction-ratings",
                Map.of("stakeholder", "VP", "rating", 0, "ratedOn", "2026-09-01"));
        assertProblem(zeroRating, 400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void markup_and_sql_are_stored_and_returned_verbatim() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String hostile = "<script>alert(1)</script>'; drop table domain_event_entry; --";
        String id = lead.post("/engagements", Scenario.engagement(hostile)).id();
        assertThat(lead.get("/engagements/" + id).json().get("name").asText()).isEqualTo(hostile);
    }

    @Test
    void strict_json_reaches_the_commands_and_nothing_is_recorded() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        String ratings = "/engagements/" + id + "/satisfaction-ratings";
        long before = storedEvents();
        for (String[] refused : new String[][]{
                {"{\"stakeholder\":\"cfo\",\"rating\":3.5,\"ratedOn\":\"2026-09-01\"}", "rating"},
                {"{\"stakeholder\":\"cfo\",\"rating\":\"4\",\"ratedOn\":\"2026-09-01\"}", "rating"},
                {"{\"stakeholder\":12345,\"rating\":4,\"ratedOn\":\"2026-09-01\"}", "stakeholder"},
                {"{\"stakeholder\":\"a\\ud800b\",\"rating\":4,\"ratedOn\":\"2026-09-01\"}", "stakeholder"},
                {"{\"stakeholder\":\"cfo\",\"rating\":4,\"rating\":5,\"ratedOn\":\"2026-09-01\"}", "rating"},
                {"{\"stakeholder\":\"cfo\",\"rating\":4,\"ratedOn\":\"2026-09-01\"} xyz", null}}) {
            Api.Response response = lead.postRaw(ratings, refused[0]);
            assertProblem(response, 400);
            if (refused[1] != null) {
                assertThat(response.body()).as(refused[0]).contains("\"field\":\"" + refused[1] + "\"");
            }
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_nul_in_a_filter_is_400_naming_the_parameter() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        for (String query : new String[]{"/history?actor=%00", "/decisions?decidedBy=%00"}) {
            Api.Response response = lead.get("/engagements/" + id + query);
            assertProblem(response, 400).hasRule("request.parameter.invalid");
            assertThat(response.body()).as(query).contains(query.substring(query.indexOf('?') + 1,
                    query.indexOf('=')));
        }
    }

    @Test
    void body_over_256_kib_is_413() {
        Api lead = api(TestTokens.lead("lead-anna"));
        long before = storedEvents();
        Map<String, Object> body = new HashMap<>(Scenario.engagement("x"));
        body.put("padding", "y".repeat(300 * 1024));
        Api.Response response = lead.post("/engagements", body);
        assertProblem(response, 413).hasRule("request.body.too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void broken_domain_rule_is_422_with_its_name() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        Api.Response response = lead.post("/engagements/" + id + "/workstreams",
                Map.of("name", "Core", "workType", "CORE_ARCHITECTURE"));
        assertProblem(response, 422).hasRule("workstream.work-type.keep-in-house");
    }

    @Test
    void unknown_resource_is_404() {
        Api lead = api(TestTokens.lead("lead-anna"));
        assertProblem(lead.get("/engagements/does-not-exist"), 404).hasRule("resource.not-found");
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        assertProblem(lead.post("/engagements/" + id + "/incidents/nope/resolution",
                Map.of("resolvedAt", "2026-09-01T00:00:00Z", "rootCause", "x")), 404);
    }

    @Test
    void stale_version_is_409_and_changes_nothing() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        Map<String, Object> assign = Map.of("ownerId", "ravi", "ownerSide", "PARTNER", "reason", "r");
        assertThat(lead.header("If-Match", "\"0\"").post("/engagements/" + id + "/ownership/MONITORING", assign)
                .status()).isEqualTo(200);
        long before = storedEvents();
        Api.Response stale = lead.header("If-Match", "\"0\"")
                .post("/engagements/" + id + "/ownership/ON_CALL", assign);
        assertProblem(stale, 409).hasRule("concurrency.stale-version");
        assertThat(storedEvents()).isEqualTo(before);
        assertProblem(lead.header("If-Match", "banana").post("/engagements/" + id + "/ownership/ON_CALL", assign), 400)
                .hasRule("request.header.invalid").hasField("If-Match");
    }

    /**
     * A resource a POST creates has no version yet, so no If-Match can hold for it (RFC 9110: 412). A malformed one
     * is 400 as on every command. A workstream or review is part of the engagement: If-Match is the engagement's.
     */
    @Test
    void if_match_on_a_create_is_checked_and_refused_with_412() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("x")).id();
        long before = storedEvents();
        assertProblem(lead.header("If-Match", "banana").post("/engagements", Scenario.engagement("y")), 400)
                .hasRule("request.header.invalid").hasField("If-Match");
        assertProblem(lead.header("If-Match", "\"0\"").post("/engagements", Scenario.engagement("y")), 412)
                .hasRule("request.precondition.failed").hasField("If-Match");
        assertProblem(lead.header("If-Match", "*").post("/engagements/" + id + "/decisions",
                Scenario.decision("t", "PROCESS", "REVERSIBLE")), 412).hasRule("request.precondition.failed");
        assertProblem(lead.header("If-Match", "W/\"3\"").post("/engagements/" + id + "/incidents",
                Map.of("severity", "SEV3", "service", "api", "title", "slow", "detectedAt", "2026-09-01T10:00:00Z")),
                412).hasRule("request.precondition.failed");
        assertThat(storedEvents()).isEqualTo(before);

        Map<String, Object> review = Map.of("kind", "WEEKLY_METRICS", "heldOn", "2026-08-10",
                "attendees", java.util.List.of("anna"), "outcomes", java.util.List.of("on track"));
        assertProblem(lead.header("If-Match", "\"7\"").post("/engagements/" + id + "/governance-reviews", review), 409)
                .hasRule("concurrency.stale-version");
        assertThat(lead.header("If-Match", "\"0\"").post("/engagements/" + id + "/governance-reviews", review)
                .status()).isEqualTo(201);
    }
}
