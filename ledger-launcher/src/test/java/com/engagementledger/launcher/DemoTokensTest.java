package com.engagementledger.launcher;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tokens the launcher prints are the ones the services accept: HS256 with LEDGER_JWT_SECRET, DESIGN.md's claims. */
class DemoTokensTest {
    private static final String SECRET = "a-local-secret-that-is-long-enough-0123456789";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void there_is_one_demo_token_per_role() {
        Map<String, String> tokens = new DemoTokens(SECRET).demoTokens(NOW);

        assertThat(tokens).containsOnlyKeys("LEAD", "PARTNER", "AUDITOR", "SERVICE", "ADMIN");
    }

    @Test
    void demo_tokens_verify_with_the_secret_and_carry_the_claims() throws Exception {
        Map<String, String> tokens = new DemoTokens(SECRET).demoTokens(NOW);

        for (Map.Entry<String, String> token : tokens.entrySet()) {
            SignedJWT jwt = SignedJWT.parse(token.getValue());
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
            assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();

            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertThat(claims.getSubject()).isNotBlank();
            assertThat(claims.getStringClaim("name")).isNotBlank();
            assertThat(claims.getStringListClaim("roles")).containsExactly(token.getKey());
            assertThat(claims.getStringListClaim("engagements")).containsExactly("*");
            assertThat(claims.getStringClaim("side")).isIn("CLIENT", "PARTNER");
            // 12 h from issue: 2026-03-02T09:00Z + 12 h = 2026-03-02T21:00Z
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-03-02T21:00:00Z"));
        }
    }

    @Test
    void the_lead_token_can_open_engagements_and_the_partner_token_speaks_for_the_partner() throws Exception {
        Map<String, String> tokens = new DemoTokens(SECRET).demoTokens(NOW);

        JWTClaimsSet lead = SignedJWT.parse(tokens.get("LEAD")).getJWTClaimsSet();
        JWTClaimsSet partner = SignedJWT.parse(tokens.get("PARTNER")).getJWTClaimsSet();

        // opening an engagement needs side CLIENT and engagements ["*"]
        assertThat(lead.getStringClaim("side")).isEqualTo("CLIENT");
        assertThat(partner.getStringClaim("side")).isEqualTo("PARTNER");
    }

    @Test
    void a_token_signed_with_another_secret_does_not_verify() throws Exception {
        String token = new DemoTokens(SECRET).mint(DemoTokens.DEMO_IDENTITIES.get("ADMIN"), NOW, Duration.ofHours(1));

        byte[] other = "another-secret-that-is-also-long-enough-42".getBytes(StandardCharsets.UTF_8);
        assertThat(SignedJWT.parse(token).verify(new MACVerifier(other))).isFalse();
    }

    @Test
    void a_generated_secret_is_48_random_bytes_in_base64url() {
        String secret = DemoTokens.generateSecret();

        // 48 bytes → 64 base64 characters, no padding
        assertThat(secret).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(48);
        assertThat(DemoTokens.generateSecret()).isNotEqualTo(secret);
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        assertThatThrownBy(() -> new DemoTokens("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
