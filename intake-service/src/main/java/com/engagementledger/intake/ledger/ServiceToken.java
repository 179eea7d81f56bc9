package com.engagementledger.intake.ledger;

import com.engagementledger.support.security.LedgerSecurityProperties;
import com.engagementledger.support.security.Roles;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SERVICE token intake calls engagement-service with, one per engagement (it may touch only the engagement the
 * connection belongs to): HS256 signed with LEDGER_JWT_SECRET, the way the launcher's demo tokens are, with the
 * claims of DESIGN.md. It acts for the CLIENT side: the tools are the client's. A token is reused until half its
 * lifetime has passed.
 * <p>
 * With an identity provider, engagement-service verifies only that provider's tokens; intake then obtains its token
 * by Spring Security's OAuth2 client_credentials grant instead (not built yet).
 */
@Component
class ServiceToken {
    private final NimbusJwtEncoder encoder;
    private final EngagementServiceProperties.Token settings;
    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    private record Issued(String value, Instant renewAfter) {
    }

    ServiceToken(LedgerSecurityProperties security, EngagementServiceProperties properties, Clock clock) {
        byte[] secret = security.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(secret, "HmacSHA256")));
        this.settings = properties.token();
        this.clock = clock;
    }

    String forEngagement(String engagementId) {
        Instant now = clock.instant();
        return issued.compute(engagementId, (id, current) -> current != null && now.isBefore(current.renewAfter())
                ? current : mint(id, now)).value();
    }

    private Issued mint(String engagementId, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(settings.subject())
                .claim("name", settings.name())
                .claim("side", "CLIENT")
                .claim("roles", List.of(Roles.SERVICE))
                .claim("engagements", List.of(engagementId))
                .issuedAt(now)
                .expiresAt(now.plus(settings.timeToLive()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, now.plus(settings.timeToLive().dividedBy(2)));
    }
}
