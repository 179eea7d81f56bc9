package com.engagementledger.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ledger.security.*}.
 *
 * @param jwtSecret   HS256 secret (at least 32 bytes) for local runs, ignored when
 *                    {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names the identity provider
 * @param publicPaths path patterns a service serves to GET without a token (e.g. a dashboard's static files)
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(String jwtSecret, List<String> publicPaths) {
    public LedgerSecurityProperties {
        jwtSecret = jwtSecret == null ? "" : jwtSecret;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
