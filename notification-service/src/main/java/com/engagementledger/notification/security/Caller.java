package com.engagementledger.notification.security;

import com.engagementledger.notification.alerts.Actor;
import com.engagementledger.notification.web.ApiProblem;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Set;

/** The verified token's subject, side, roles and engagement scope; the only source of "who". */
public record Caller(String sub, String name, String side, Set<String> roles, Set<String> engagements) {
    public static final String ALL = "*";

    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new IllegalStateException("no JWT caller");
    }

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<String> engagements = jwt.getClaimAsStringList("engagements");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("side"),
                roles == null ? Set.of() : Set.copyOf(roles), engagements == null ? Set.of() : Set.copyOf(engagements));
    }

    public boolean seesAll() {
        return engagements.contains(ALL);
    }

    public boolean canSee(String engagementId) {
        return seesAll() || engagements.contains(engagementId);
    }

    /** null when every engagement is visible; used as an SQL filter otherwise. */
    public Set<String> visibleOrNull() {
        return seesAll() ? null : engagements;
    }

    /** Engagements outside the token's scope are reported as not found, never as forbidden. */
    public void requireVisible(String what, String engagementId, Object id) {
        if (engagementId == null || !canSee(engagementId)) {
            throw ApiProblem.notFound(what, id);
        }
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public Actor actor() {
        return new Actor(sub, side);
    }
}
