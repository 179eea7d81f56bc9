package com.engagementledger.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ledger.security.*}.
 *
 * @param jwtSecret   HS256 secret (at least 32 bytes) for local runs, ignored when an identity provider is configured
 *                    ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 *                    {@code public-key-location})
 * @param publicPaths path patterns a service serves to GET without a token (e.g. a dashboard's static files)
 * @param issuer      the {@code iss} every token must carry; unset, it is the {@code issuer-uri} when one is
 *                    configured, else not checked
 * @param audiences   {@code aud} must name one of these; unset, it is {@value #DEFAULT_AUDIENCE} whenever an issuer
 *                    is checked (a token the same identity provider minted for another application is refused),
 *                    else not checked
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(String jwtSecret, List<String> publicPaths, String issuer,
                                       List<String> audiences) {
    public static final String DEFAULT_AUDIENCE = "engagement-ledger";

    public LedgerSecurityProperties {
        jwtSecret = jwtSecret == null ? "" : jwtSecret;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        issuer = issuer == null || issuer.isBlank() ? null : issuer;
        audiences = audiences == null ? null : audiences.stream().filter(a -> !a.isBlank()).toList();
    }

    /** The issuer to check: this one, else the identity provider's {@code issuerUri} (may be null), else none. */
    String checkedIssuer(String issuerUri) {
        return issuer != null ? issuer : issuerUri == null || issuerUri.isBlank() ? null : issuerUri;
    }

    /** The audiences to check, given the issuer that is checked. */
    List<String> checkedAudiences(String checkedIssuer) {
        if (audiences != null && !audiences.isEmpty()) {
            return audiences;
        }
        return checkedIssuer == null ? List.of() : List.of(DEFAULT_AUDIENCE);
    }
}
