package com.engagementledger.support.identity;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an issuer configured ({@code ledger.security.issuer}), tokens must carry it as {@code iss} and name the
 * ledger's audience ({@code engagement-ledger} unless {@code ledger.security.audiences} says otherwise) in
 * {@code aud}: a token the same identity provider minted for another application is refused.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.issuer=https://idp.example.test/")
class IssuerAndAudienceTest {
    private static final String ISSUER = "https://idp.example.test/";

    @LocalServerPort
    int port;

    private HttpResponse<String> read(TestTokens.Builder token) {
        return new Http(port).get("/things", token.sign());
    }

    private static TestTokens.Builder lead() {
        return TestTokens.token("anna").side("CLIENT").roles("LEAD");
    }

    @Test
    void a_token_of_the_issuer_for_the_ledger_is_accepted() {
        assertThat(read(lead().claim("iss", ISSUER).claim("aud", "engagement-ledger")).statusCode()).isEqualTo(200);
        assertThat(read(lead().claim("iss", ISSUER).claim("aud", List.of("another-app", "engagement-ledger")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_without_the_issuer_or_of_another_one_is_refused() {
        assertThatProblem(read(lead().claim("aud", "engagement-ledger"))).hasStatus(401)
                .hasRule("auth.token.invalid");
        assertThatProblem(read(lead().claim("iss", "https://evil.example.test/").claim("aud", "engagement-ledger")))
                .hasStatus(401).hasRule("auth.token.invalid");
    }

    @Test
    void a_token_for_another_audience_or_none_is_refused() {
        assertThatProblem(read(lead().claim("iss", ISSUER))).hasStatus(401).hasRule("auth.token.invalid");
        assertThatProblem(read(lead().claim("iss", ISSUER).claim("aud", "another-app"))).hasStatus(401)
                .hasRule("auth.token.invalid");
    }
}
