package com.engagementledger.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HS256 tokens the services accept for local runs (claims as DESIGN.md's Security section says), and the secret. */
public final class DemoTokens {
    public static final Duration DEMO_TOKEN_LIFETIME = Duration.ofHours(12);

    /** Who a token speaks for. */
    public record Identity(String subject, String name, String side, List<String> roles, List<String> engagements) {
    }

    /** One demo identity per role, all scoped to every engagement. */
    public static final Map<String, Identity> DEMO_IDENTITIES = demoIdentities();

    private final byte[] secret;

    public DemoTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("LEDGER_JWT_SECRET must be at least 32 bytes; it has "
                    + this.secret.length);
        }
    }

    /** A random secret for one local run: 48 random bytes, base64url without padding (64 characters). */
    public static String generateSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String mint(Identity identity, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(identity.subject())
                .claim("side", identity.side())
                .claim("roles", identity.roles())
                .claim("engagements", identity.engagements())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
        if (identity.name() != null) {
            claims.claim("name", identity.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** A ready token per role (LEAD, PARTNER, AUDITOR, SERVICE, ADMIN), valid for twelve hours. */
    public Map<String, String> demoTokens(Instant now) {
        Map<String, String> tokens = new LinkedHashMap<>();
        DEMO_IDENTITIES.forEach((role, identity) -> tokens.put(role, mint(identity, now, DEMO_TOKEN_LIFETIME)));
        return tokens;
    }

    private static Map<String, Identity> demoIdentities() {
        List<String> all = List.of("*");
        Map<String, Identity> identities = new LinkedHashMap<>();
        identities.put("LEAD", new Identity("clara.lead", "Clara Lead (client engineering lead)", "CLIENT",
                List.of("LEAD"), all));
        identities.put("PARTNER", new Identity("piotr.partner", "Piotr Partner (partner engineering manager)",
                "PARTNER", List.of("PARTNER"), all));
        identities.put("AUDITOR", new Identity("alice.auditor", "Alice Auditor (internal audit)", "CLIENT",
                List.of("AUDITOR"), all));
        identities.put("SERVICE", new Identity("svc.reporting", "Reporting service", "CLIENT",
                List.of("SERVICE"), all));
        identities.put("ADMIN", new Identity("ada.admin", "Ada Admin (platform administrator)", "CLIENT",
                List.of("ADMIN"), all));
        return Collections.unmodifiableMap(identities);
    }
}
