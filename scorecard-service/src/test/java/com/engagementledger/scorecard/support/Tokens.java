package com.engagementledger.scorecard.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens as the launcher does for local runs. */
public final class Tokens {
    public static final String SECRET = "test-secret-for-the-scorecard-service-0123456789";

    private Tokens() {
    }

    public static String lead(String... engagements) {
        return token("lead-1", "CLIENT", List.of("LEAD"), List.of(engagements), SECRET);
    }

    public static String admin() {
        return token("admin-1", "CLIENT", List.of("ADMIN"), List.of("*"), SECRET);
    }

    public static String token(String subject, String side, List<String> roles, List<String> engagements,
                               String secret) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("name", subject)
                    .claim("side", side).claim("roles", roles).claim("engagements", engagements)
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
