package com.engagementledger.support;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits per role: by default a burst of 2 and one request every 5 s (slow enough that no token comes back while a
 * test sends its burst); SERVICE tokens a burst of 5. Each client (the token's subject) has its own bucket; beyond
 * it, 429 Problem Details with Retry-After. Health is never limited (Kafka's health is off here: the test
 * service has no broker).
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.api.rate-limit.requests-per-second=0.2", "ledger.api.rate-limit.burst=2",
                "ledger.api.rate-limit.per-role.SERVICE.burst=5", "management.health.kafka.enabled=false"})
class RateLimitTest {
    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    private void sendAllowed(String token, int times) {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response = http().get("/things", token);
            assertThat(response.statusCode()).as("request %d: %s", i + 1, response.body()).isEqualTo(200);
        }
    }

    @Test
    void a_lead_gets_the_default_burst_then_429_with_retry_after() {
        String lead = TestTokens.lead("rate.lead");
        sendAllowed(lead, 2);
        HttpResponse<String> limited = http().get("/things", lead);
        assertThatProblem(limited).hasStatus(429).hasRule("rate.limit.exceeded");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
    }

    @Test
    void a_service_token_gets_its_roles_larger_burst_and_a_token_with_both_roles_the_larger() {
        sendAllowed(TestTokens.token("rate.service").roles("SERVICE").sign(), 5);
        assertThat(http().get("/things", TestTokens.token("rate.service").roles("SERVICE").sign()).statusCode())
                .isEqualTo(429);
        String both = TestTokens.token("rate.both").roles("LEAD", "SERVICE").sign();
        sendAllowed(both, 5);
        assertThat(http().get("/things", both).statusCode()).isEqualTo(429);
    }

    @Test
    void one_clients_flood_does_not_limit_another() {
        String noisy = TestTokens.lead("rate.noisy");
        sendAllowed(noisy, 2);
        assertThat(http().get("/things", noisy).statusCode()).isEqualTo(429);
        assertThat(http().get("/things", TestTokens.lead("rate.quiet")).statusCode()).isEqualTo(200);
    }

    /** Callers without a token are limited by address before authentication: {@link AddressRateLimitTest}. */
    @Test
    void health_is_never_limited() {
        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }
}
