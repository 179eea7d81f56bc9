package com.engagementledger.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HS256 tokens as the identity provider (or the launcher) issues them, with DESIGN.md's claims: {@code sub},
 * {@code name}, {@code side}, {@code roles}, {@code engagements}, {@code exp}. One builder; the shortcuts are
 * tokens for every engagement ({@code *}).
 */
public final class TestTokens {
    /** The secret {@link EmbeddedLedger} configures the application with. */
    public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    private TestTokens() {
    }

    public static Builder token(String subject) {
        return new Builder(subject);
    }

    public static String lead(String subject) {
        return token(subject).side("CLIENT").roles("LEAD").sign();
    }

    public static String partner(String subject) {
        return token(subject).side("PARTNER").roles("PARTNER").sign();
    }

    public static String auditor(String subject) {
        return token(subject).side("CLIENT").roles("AUDITOR").sign();
    }

    public static String admin(String subject) {
        return token(subject).side("CLIENT").roles("ADMIN").sign();
    }

    /** Claims and signature of one token; by default CLIENT, no roles, every engagement, an hour to live. */
    public static final class Builder {
        private final String subject;
        private String name;
        private String side = "CLIENT";
        private List<String> roles = List.of();
        private List<String> engagements = List.of("*");
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private String secret = SECRET;
        private final Map<String, Object> overrides = new LinkedHashMap<>();

        private Builder(String subject) {
            this.subject = subject;
            this.name = subject + " (test)";
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder side(String side) {
            this.side = side;
            return this;
        }

        public Builder roles(String... roles) {
            return roles(List.of(roles));
        }

        public Builder roles(List<String> roles) {
            this.roles = List.copyOf(roles);
            return this;
        }

        public Builder engagements(String... engagements) {
            return engagements(List.of(engagements));
        }

        public Builder engagements(List<String> engagements) {
            this.engagements = List.copyOf(engagements);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signs with another secret, e.g. the one a system test gave the services, or a wrong one. */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Sets any claim after the ones above, e.g. {@code iss}, {@code aud}, or a hostile value of a standard one;
         * {@code null} leaves the claim out of the token ({@code claim("exp", null)}: a token that never expires).
         */
        public Builder claim(String name, Object value) {
            overrides.put(name, value);
            return this;
        }

        public String sign() {
            try {
                return sign(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("cannot sign with this secret (at least 32 bytes are needed)", e);
            }
        }

        /** Signs with another algorithm and key, as an identity provider does (RS256, ES256, ...). */
        public String sign(JWSAlgorithm algorithm, JWSSigner signer) {
            // an expired token was issued before it expired, or it would be refused as malformed, not as expired
            Instant now = Instant.now();
            Instant issuedAt = expiresAt.isAfter(now) ? now : expiresAt.minus(Duration.ofHours(1));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("name", name)
                    .claim("side", side).claim("roles", roles).claim("engagements", engagements)
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt));
            overrides.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("cannot sign the token with " + algorithm, e);
            }
            return jwt.serialize();
        }
    }
}
