package com.engagementledger.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HS256 tokens as the services accept them locally (DESIGN.md, Security); the same claims as the launcher's. */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final String secret;

    Tokens() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        this.secret = B64.encodeToString(bytes);
    }

    String mint(String subject, String side, String... roles) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            long now = Instant.now().getEpochSecond();
            claims.put("sub", subject);
            claims.put("name", subject);
            claims.put("side", side);
            claims.put("roles", List.of(roles));
            claims.put("engagements", List.of("*"));
            claims.put("iat", now);
            claims.put("exp", now + 12 * 3600);
            String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String body = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = B64.encodeToString(mac.doFinal((header + "." + body).getBytes(StandardCharsets.UTF_8)));
            return header + "." + body + "." + signature;
        } catch (Exception e) {
            throw new IllegalStateException("could not mint a token", e);
        }
    }
}
