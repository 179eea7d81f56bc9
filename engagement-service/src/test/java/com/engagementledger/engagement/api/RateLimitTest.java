package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request floods: each client (token subject) may send a burst of 3 and then one request every 5 s here (so slow that
 * even a loaded machine refills no token between the burst and the next request; production
 * defaults are 400 and 200/s); beyond that it gets 429 Problem Details with Retry-After, and nothing is recorded.
 * Its own low limit gives this class its own application context, closed after the class: alive, it would
 * share the consumer group (or Axon's publishing segment) with the cached context and take work from its tests.
 */
@TestPropertySource(properties = {"ledger.api.rate-limit.requests-per-second=0.2", "ledger.api.rate-limit.burst=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTest extends IntegrationTest {

    @Test
    void a_client_over_its_burst_gets_429_problem_details_with_retry_after() {
        Api flood = api(TestTokens.lead("rate.flooder"));
        for (int i = 0; i < 3; i++) {
            assertThat(flood.get("/engagements").status()).isEqualTo(200);
        }
        Api.Response limited = flood.get("/engagements");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 5);
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.json().get("rule").asText()).isEqualTo("rate.limit.exceeded");
    }

    @Test
    void a_limited_command_records_nothing_and_the_client_is_served_again_after_retry_after() throws Exception {
        Api flood = api(TestTokens.lead("rate.commander"));
        for (int i = 0; i < 3; i++) {
            flood.get("/engagements?size=1");
        }
        Api.Response refused = flood.header("Idempotency-Key", "rate-limited-open")
                .post("/engagements", Scenario.engagement("Refused by the rate limit"));
        assertThat(refused.status()).isEqualTo(429);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);
        Api.Response listed = flood.get("/engagements?size=200");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain("Refused by the rate limit");
    }

    @Test
    void one_clients_flood_does_not_limit_another_client() {
        Api flood = api(TestTokens.lead("rate.noisy"));
        for (int i = 0; i < 5; i++) {
            flood.get("/engagements");
        }
        assertThat(flood.get("/engagements").status()).isEqualTo(429);
        assertThat(api(TestTokens.lead("rate.quiet")).get("/engagements").status()).isEqualTo(200);
    }

    @Test
    void health_is_never_limited() {
        Api anonymous = api(null);
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
