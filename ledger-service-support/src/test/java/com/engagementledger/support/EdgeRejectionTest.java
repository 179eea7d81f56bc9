package com.engagementledger.support;

import com.engagementledger.support.testapp.RawHttp;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;

/**
 * Requests refused before Spring MVC sees them — by Tomcat while it parses the request, or by Spring Security's
 * firewall — are answered in the same Problem Details style as everything else, never Tomcat's HTML page or Spring
 * Boot's {@code {timestamp, status, error, path}}.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeRejectionTest {
    private static final String LEAD = "Authorization: Bearer " + TestTokens.lead("lead-anna");

    @LocalServerPort
    int port;

    private RawHttp.Answer get(String target, String... headers) {
        return RawHttp.get(port, target, headers);
    }

    private static com.engagementledger.testsupport.ProblemAssert problem(RawHttp.Answer answer) {
        return assertThatProblem(answer.status(), answer.contentType(), answer.body());
    }

    @Test
    void an_encoded_nul_in_the_path_is_a_problem() {
        problem(get("/engagements/%00", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
        problem(get("/engagements/%00")).hasStatus(400).hasRule("request.uri.invalid");
    }

    @Test
    void an_encoded_slash_or_a_dot_segment_is_a_problem() {
        problem(get("/engagements/..%2fadmin", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
        problem(get("/engagements/%2e%2e/admin", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
        problem(get("/engagements/..%5cadmin", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
    }

    @Test
    void a_double_slash_or_a_semicolon_is_a_problem() {
        problem(get("//things", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
        problem(get("/things;jsessionid=1", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
        problem(get("/things;a=b/x")).hasStatus(400).hasRule("request.uri.invalid");
    }

    @Test
    void a_control_character_in_the_request_line_is_a_problem() {
        problem(get("/things\u0001", LEAD)).hasStatus(400).hasRule("request.uri.invalid");
    }

    @Test
    void over_long_headers_or_request_line_are_problems_with_their_own_status() {
        problem(get("/things", LEAD, "X-Filler: " + "x".repeat(16 * 1024))).hasStatus(431)
                .hasRule("request.header.too-large");
        problem(get("/things?q=" + "x".repeat(16 * 1024), LEAD)).hasStatus(414).hasRule("request.uri.too-long");
    }

    @Test
    void a_malformed_header_line_is_a_problem() {
        problem(get("/things", LEAD, "Bad Header: x")).hasStatus(400).hasRule("request.header.invalid");
    }
}
