package com.engagementledger.support.health;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous health is the status alone, for orchestrators' probes; its components and their details (disk paths,
 * the Kafka cluster id, a service's own progress) are for SERVICE and ADMIN tokens, on every service built on
 * ledger-service-support. The test service's Kafka listens nowhere, so it is DOWN and has details to hide.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthDetailsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private JsonNode health(String path, String token) {
        HttpResponse<String> response = new Http(port).get(path, token);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void without_a_token_health_is_the_status_alone() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness"}) {
            JsonNode anonymous = health(path, null);
            assertThat(anonymous.path("status").asText()).as(path).isNotEmpty();
            // the names of the probe groups are no secret; components and details are
            java.util.List<String> fields = new java.util.ArrayList<>();
            anonymous.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(path + ": " + anonymous).isSubsetOf("status", "groups");
        }
    }

    @Test
    void readers_without_an_operations_role_get_the_status_alone() {
        for (String token : new String[] {TestTokens.lead("lead-anna"), TestTokens.auditor("auditor-olga")}) {
            JsonNode health = health("/actuator/health", token);
            assertThat(health.has("components")).as(health.toString()).isFalse();
        }
    }

    @Test
    void service_and_admin_tokens_get_the_components_and_their_details() {
        for (String token : new String[] {TestTokens.token("monitor").roles("SERVICE").sign(),
                TestTokens.admin("ada")}) {
            JsonNode health = health("/actuator/health", token);
            assertThat(health.path("components").path("diskSpace").path("details").has("path"))
                    .as(health.toString()).isTrue();
            assertThat(health.path("components").has("kafka")).isTrue();
        }
    }
}
