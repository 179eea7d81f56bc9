package com.engagementledger.support.identity;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production verifies an identity provider's RS256 tokens with the decoder Spring Boot builds for it (here from its
 * public key; {@code issuer-uri} and {@code jwk-set-uri} build the same decoder with fetched keys). The ledger's token
 * rules hold there too, issuer and audience included, and the local HS256 decoder is off.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.security.issuer=https://idp.example.test/",
                "ledger.security.audiences=ledger-api,ledger-api-staging"})
class IdentityProviderTest {
    private static final String ISSUER = "https://idp.example.test/";
    private static final KeyPair KEYS = rsaKeys();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProviderKey(DynamicPropertyRegistry registry) {
        try {
            Path pem = Files.createTempFile("idp-public-key", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> read(TestTokens.Builder token) {
        return new Http(port).get("/things", token.sign(JWSAlgorithm.RS256, new RSASSASigner(KEYS.getPrivate())));
    }

    private static TestTokens.Builder fromTheProvider(String subject) {
        return TestTokens.token(subject).side("CLIENT").roles("LEAD").claim("iss", ISSUER)
                .claim("aud", "ledger-api");
    }

    @Test
    void the_providers_token_is_accepted_and_a_locally_signed_one_is_not() {
        assertThat(read(fromTheProvider("anna")).statusCode()).isEqualTo(200);
        assertThat(read(fromTheProvider("anna").claim("aud", "ledger-api-staging")).statusCode()).isEqualTo(200);
        assertThatProblem(new Http(port).get("/things", TestTokens.lead("anna"))).hasStatus(401)
                .hasRule("auth.token.invalid");
    }

    @Test
    void the_ledgers_token_rules_hold_for_the_providers_tokens() {
        for (TestTokens.Builder refused : java.util.List.of(fromTheProvider(""), fromTheProvider("anna\r\n"),
                fromTheProvider("anna").claim("exp", null), fromTheProvider("anna").side("BOTH"),
                fromTheProvider("anna").side("PARTNER"), fromTheProvider("anna").claim("aud", "engagement-ledger"),
                fromTheProvider("anna").claim("iss", "https://evil.example.test/"))) {
            assertThatProblem(read(refused)).hasStatus(401).hasRule("auth.token.invalid");
        }
    }
}
