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
 * Requests without a valid token are limited by remote address before Spring Security looks at them: here a burst
 * of 3 and one request every 5 s per address (slow enough that none comes back during the test). A request whose
 * token is verified gives its address's token back, so valid callers are charged only their own per-role limit.
 * One test method: every request of this class comes from 127.0.0.1, so the order of the steps matters.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.api.rate-limit.per-address.requests-per-second=0.2",
                "ledger.api.rate-limit.per-address.burst=3", "management.health.kafka.enabled=false"})
class AddressRateLimitTest {
    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void a_flood_without_a_valid_token_gets_429_after_the_address_burst_and_valid_tokens_do_not_count() {
        String lead = TestTokens.lead("address.lead");
        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/things", lead).statusCode()).as("valid token, request %d", i + 1).isEqualTo(200);
        }
        String forged = TestTokens.token("mallory").roles("ADMIN")
                .secret("another-secret-of-at-least-32-bytes-long!").sign();
        assertThat(http().get("/things", forged).statusCode()).isEqualTo(401);
        assertThat(http().get("/things", "not.a.jwt").statusCode()).isEqualTo(401);
        // a public path asked for without a token counts for the address like a refused token
        assertThat(http().get("/public/hello", null).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = http().get("/things", forged);
        assertThatProblem(limited).hasStatus(429).hasRule("rate.limit.exceeded");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
        assertThatProblem(http().get("/things", null)).hasStatus(429).hasRule("rate.limit.exceeded");
        assertThatProblem(http().get("/public/hello", null)).hasStatus(429).hasRule("rate.limit.exceeded");
        // the address is refused before any token is read, a valid one included, until its bucket refills
        assertThatProblem(http().get("/things", lead)).hasStatus(429);
        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/actuator/health", null).statusCode()).as("health is never limited")
                    .isEqualTo(200);
        }
    }
}
