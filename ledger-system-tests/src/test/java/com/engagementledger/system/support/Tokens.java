package com.engagementledger.system.support;

import com.engagementledger.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;

/** Tokens signed with the secret the child services were given, valid for as long as a soak may run. */
public final class Tokens {
    private static final Duration VALID_FOR = Duration.ofHours(4);

    private final String secret;

    Tokens(String secret) {
        this.secret = secret;
    }

    /** A client-side lead who may touch every engagement (needed to open engagements). */
    public String lead(String subject) {
        return token(subject).roles("LEAD").sign();
    }

    public String admin() {
        return token("system.admin").roles("ADMIN", "SERVICE").sign();
    }

    private TestTokens.Builder token(String subject) {
        return TestTokens.token(subject).name(subject).side("CLIENT").secret(secret)
                .expiresAt(Instant.now().plus(VALID_FOR));
    }
}
