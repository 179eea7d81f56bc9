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
 * Per-engagement access is one mechanism: the test service's handlers with {@code {engagementId}} in their path
 * contain no check at all, and still answer only for engagements the token lists.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementAccessTest {
    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    /** A partner engineer's token: the side in the answer must come from it, not from a default. */
    private static String partnerOf(String... engagements) {
        return TestTokens.token("partner-of-" + String.join("-", engagements)).side("PARTNER").roles("PARTNER")
                .engagements(engagements).sign();
    }

    @Test
    void an_engagement_in_the_token_is_served_with_the_caller_from_the_token() {
        HttpResponse<String> response = http().get("/engagements/A", partnerOf("A", "C"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"engagementId\":\"A\"", "\"subject\":\"partner-of-A-C\"",
                "\"side\":\"PARTNER\"");
        assertThat(http().get("/engagements/C/things/t1", partnerOf("A", "C")).statusCode()).isEqualTo(200);
    }

    @Test
    void an_engagement_outside_the_token_is_404_never_403() {
        assertThatProblem(http().get("/engagements/B", partnerOf("A"))).hasStatus(404).hasRule("resource.not-found");
        assertThatProblem(http().get("/engagements/B/things/t1", partnerOf("A"))).hasStatus(404)
                .hasRule("resource.not-found");
        assertThatProblem(http().get("/engagements/B", TestTokens.token("nobody").roles("LEAD").engagements()
                .sign())).hasStatus(404);
    }

    @Test
    void a_wildcard_token_sees_every_engagement() {
        assertThat(http().get("/engagements/B", TestTokens.lead("lead-of-all")).statusCode()).isEqualTo(200);
        assertThat(http().get("/engagements/anything/things/t9", TestTokens.lead("lead-of-all")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_engagement_found_through_another_resource_uses_the_same_rule() {
        assertThat(http().get("/alerts/al-1?engagementId=A", partnerOf("A")).statusCode()).isEqualTo(200);
        assertThatProblem(http().get("/alerts/al-1?engagementId=B", partnerOf("A"))).hasStatus(404)
                .hasRule("resource.not-found");
    }
}
