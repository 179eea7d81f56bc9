package com.engagementledger.support;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed token must also say to be accepted, on every service: a subject fit to be recorded as an actor, an
 * expiry, a known side that fits the roles. A token that breaks one is 401 {@code auth.token.invalid} on reads and
 * writes alike, before any controller sees it.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenRulesTest {
    private static final String THING = "{\"code\": \"a\", \"side\": \"CLIENT\"}";

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    private void refusedOnReadAndWrite(String token) {
        HttpResponse<String> read = http().get("/engagements/A", token);
        assertThatProblem(read).hasStatus(401).hasRule("auth.token.invalid");
        assertThat(read.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThatProblem(http().post("/things", token, "application/json", THING)).hasStatus(401)
                .hasRule("auth.token.invalid");
    }

    @Test
    void an_empty_blank_or_missing_subject_is_refused() {
        refusedOnReadAndWrite(TestTokens.token("").side("CLIENT").roles("LEAD").sign());
        refusedOnReadAndWrite(TestTokens.token("   ").side("CLIENT").roles("LEAD").sign());
        refusedOnReadAndWrite(TestTokens.token("x").side("CLIENT").roles("LEAD").claim("sub", null).sign());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna\r\nX-Injected: 1", "anna\u0000", "anna\ttab", "\u202Eanna", "anna\u2028",
            " anna", "anna "})
    void a_subject_with_control_characters_or_padding_is_refused(String subject) {
        refusedOnReadAndWrite(TestTokens.token(subject).side("CLIENT").roles("LEAD").sign());
    }

    @Test
    void a_subject_of_up_to_256_characters_is_accepted_and_a_longer_one_refused() {
        String longest = "s".repeat(256);
        HttpResponse<String> accepted = http().get("/engagements/A",
                TestTokens.token(longest).name("Long").side("CLIENT").roles("LEAD").sign());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains(longest);
        refusedOnReadAndWrite(TestTokens.token(longest + "s").name("Long").side("CLIENT").roles("LEAD").sign());
    }

    @Test
    void a_display_name_with_control_characters_is_refused_and_a_blank_one_falls_back_to_the_subject() {
        refusedOnReadAndWrite(TestTokens.token("anna").name("Anna\r\nAdmin").side("CLIENT").roles("LEAD").sign());
        refusedOnReadAndWrite(TestTokens.token("anna").name("a".repeat(257)).side("CLIENT").roles("LEAD").sign());
        HttpResponse<String> blank = http().get("/engagements/A",
                TestTokens.token("anna").name(" ").side("CLIENT").roles("LEAD").sign());
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("\"displayName\":\"anna\"");
    }

    @Test
    void a_token_without_expiry_is_refused() {
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD").claim("exp", null).sign());
    }

    @Test
    void the_clock_skew_allowed_is_60_seconds_at_most() {
        String justExpired = TestTokens.token("anna").side("CLIENT").roles("LEAD")
                .expiresAt(Instant.now().minusSeconds(30)).sign();
        HttpResponse<String> skewed = http().get("/engagements/A", justExpired);
        assertThat(skewed.statusCode()).as(skewed.body()).isEqualTo(200);
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD")
                .expiresAt(Instant.now().minusSeconds(75)).sign());
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD")
                .claim("nbf", java.util.Date.from(Instant.now().plusSeconds(75))).sign());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOTH", "client", "", "NONE"})
    void an_unknown_side_is_refused_on_reads_too(String side) {
        refusedOnReadAndWrite(TestTokens.token("anna").side(side).roles("AUDITOR").sign());
    }

    @Test
    void a_side_that_is_not_a_string_is_refused() {
        refusedOnReadAndWrite(TestTokens.token("anna").roles("ADMIN").claim("side", List.of("CLIENT", "PARTNER"))
                .sign());
    }

    @Test
    void a_lead_acts_for_the_client_and_a_partner_for_the_partner() {
        refusedOnReadAndWrite(TestTokens.token("ravi").side("CLIENT").roles("PARTNER").sign());
        refusedOnReadAndWrite(TestTokens.token("anna").side("PARTNER").roles("LEAD").sign());
        // nobody is the client's lead and a partner engineer at once
        refusedOnReadAndWrite(TestTokens.token("both").side("CLIENT").roles("LEAD", "PARTNER").sign());
        refusedOnReadAndWrite(TestTokens.token("both").side("PARTNER").roles("LEAD", "PARTNER").sign());
        // a lead or partner token must say its side
        refusedOnReadAndWrite(TestTokens.token("anna").side(null).roles("LEAD").sign());
        refusedOnReadAndWrite(TestTokens.token("ravi").side(null).roles("PARTNER").sign());
        assertThat(http().get("/engagements/A", TestTokens.lead("anna")).statusCode()).isEqualTo(200);
        assertThat(http().get("/engagements/A", TestTokens.partner("ravi")).statusCode()).isEqualTo(200);
    }

    @Test
    void auditors_services_and_admins_act_for_either_side() {
        for (String role : List.of("AUDITOR", "SERVICE", "ADMIN")) {
            for (String side : List.of("CLIENT", "PARTNER")) {
                HttpResponse<String> response = http().get("/engagements/A",
                        TestTokens.token("x").side(side).roles(role).sign());
                assertThat(response.statusCode()).as(role + " " + side + ": " + response.body()).isEqualTo(200);
            }
        }
        // a partner's administrator: ADMIN beside PARTNER on the partner side
        assertThat(http().get("/engagements/A", TestTokens.token("x").side("PARTNER").roles("PARTNER", "ADMIN")
                .sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void roles_and_engagements_must_be_arrays_of_strings() {
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD").claim("roles", "LEAD").sign());
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD").claim("engagements", "*").sign());
        refusedOnReadAndWrite(TestTokens.token("anna").side("CLIENT").roles("LEAD")
                .claim("roles", List.of("LEAD", 7)).sign());
    }

    @Test
    void a_token_with_no_known_role_may_do_nothing() {
        for (String token : List.of(TestTokens.token("nobody").sign(),
                TestTokens.token("guest").roles("GUEST", "lead").sign())) {
            assertThatProblem(http().get("/things", token)).hasStatus(403).hasRule("auth.role.forbidden");
            assertThatProblem(http().get("/engagements/A", token)).hasStatus(403).hasRule("auth.role.forbidden");
            assertThatProblem(http().post("/things", token, "application/json", THING)).hasStatus(403)
                    .hasRule("auth.role.forbidden");
            assertThatProblem(http().get("/actuator/info", token)).hasStatus(403).hasRule("auth.role.forbidden");
        }
    }

    @Test
    void the_refusal_does_not_echo_the_claims() {
        HttpResponse<String> refused = http().get("/things",
                TestTokens.token("mallory\r\n<script>").side("CLIENT").roles("LEAD").sign());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("mallory", "<script>");
    }
}
