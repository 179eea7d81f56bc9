package com.engagementledger.scorecard.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** Who is asking, from the token: which engagements they may see ({@code ["*"]} for all). */
public record Viewer(String subject, Set<String> roles, Set<String> engagements) {

    public static Viewer of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<String> engagements = jwt.getClaimAsStringList("engagements");
        return new Viewer(jwt.getSubject(), roles == null ? Set.of() : Set.copyOf(roles),
                engagements == null ? Set.of() : Set.copyOf(engagements));
    }

    public boolean seesAll() {
        return engagements.contains("*");
    }

    public boolean canSee(String engagementId) {
        return seesAll() || engagements.contains(engagementId);
    }
}
