package com.engagementledger.system.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** HS256 tokens signed with the secret the child services were given (claims as in DESIGN.md). */
public final class Tokens {
    private final String secret;

    Tokens(String secret) {
        this.secret = secret;
    }

    /** A client-side lead who may touch every engagement (needed to open engagements). */
    public String lead(String subject) {
        return sign(subject, "CLIENT", List.of("LEAD"));
    }

    public String admin() {
        return sign("system.admin", "CLIENT", List.of("ADMIN", "SERVICE"));
    }

    private String sign(String subject, String side, List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("name", subject)
                    .claim("side", side).claim("roles", roles).claim("engagements", List.of("*"))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(4 * 3600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
