package com.engagementledger.notification.alerts;

import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request floods: each client (token subject) may send a burst of 3 and then one request every 5 s here (so slow that
 * even a loaded machine refills no token between the burst and the next request; defaults
 * 400 and 200/s); beyond that 429 Problem Details with Retry-After. Its own low limit gives this class its own
 * application context, closed after the class: alive, it would share the consumer group with the cached context and
 * take messages (and their metrics) away from its tests.
 */
@TestPropertySource(properties = {"ledger.api.rate-limit.requests-per-second=0.2", "ledger.api.rate-limit.burst=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTest extends IntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> getAlerts(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/alerts")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_client_over_its_burst_gets_429_problem_details_with_retry_after_and_others_are_served() throws Exception {
        String flooder = TestTokens.lead("notification.flooder");
        for (int i = 0; i < 3; i++) {
            assertThat(getAlerts(flooder).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = getAlerts(flooder);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
        assertThat(JSON.readTree(limited.body()).get("rule").asText()).isEqualTo("rate.limit.exceeded");
        assertThat(getAlerts(TestTokens.lead("notification.quiet")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void health_is_never_limited() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
