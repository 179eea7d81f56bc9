package com.engagementledger.engagement.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens the way the identity provider (or the launcher) would. */
@Component
public class Tokens {

    public String lead(String subject) {
        return token(subject, "CLIENT", List.of("LEAD"), List.of("*"));
    }

    public String partner(String subject) {
        return token(subject, "PARTNER", List.of("PARTNER"), List.of("*"));
    }

    public String auditor(String subject) {
        return token(subject, "CLIENT", List.of("AUDITOR"), List.of("*"));
    }

    public String admin(String subject) {
        return token(subject, "CLIENT", List.of("ADMIN"), List.of("*"));
    }

    public String token(String subject, String side, List<String> roles, List<String> engagements) {
        return sign(subject, side, roles, engagements, Instant.now().plusSeconds(3600), IntegrationTest.JWT_SECRET);
    }

    public static String sign(String subject, String side, List<String> roles, List<String> engagements,
                              Instant expires, String secret) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("name", subject + " (test)")
                    .claim("side", side).claim("roles", roles).claim("engagements", engagements)
                    .expirationTime(Date.from(expires)).issueTime(new Date()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
