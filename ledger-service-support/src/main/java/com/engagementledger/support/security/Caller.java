package com.engagementledger.support.security;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Set;

/**
 * The verified caller, from the token's claims: {@code sub}, {@code name} (the subject when absent or blank),
 * {@code side} ({@code CLIENT}/{@code PARTNER}; null when missing), {@code roles} and {@code engagements} (ids, or
 * {@code *} for all). The decoder refused tokens whose claims break {@link TokenClaimsValidator}'s rules. A controller gets it as a method argument; the engagement in a path is checked before the
 * controller runs ({@code EngagementAccessInterceptor}).
 */
public record Caller(String subject, String displayName, Side side, Set<String> roles, Set<String> engagements) {
    public static final String ALL_ENGAGEMENTS = "*";

    public Caller {
        roles = Set.copyOf(roles);
        engagements = Set.copyOf(engagements);
    }

    public static Caller of(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return new Caller(jwt.getSubject(), name == null || name.isBlank() ? jwt.getSubject() : name,
                side(jwt.getClaimAsString("side")),
                strings(jwt.getClaimAsStringList("roles")), strings(jwt.getClaimAsStringList("engagements")));
    }

    /** The caller of the current request; 401 when it carries no verified token. */
    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw ApiProblem.of(ProblemCatalog.AUTH_TOKEN_REQUIRED, "a valid bearer token is required");
    }

    public boolean seesAll() {
        return engagements.contains(ALL_ENGAGEMENTS);
    }

    public boolean mayTouch(String engagementId) {
        return engagementId != null && (seesAll() || engagements.contains(engagementId));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * For an engagement found in a query parameter or through another resource (an alert's engagement): 404 for
     * {@code what id} unless the token covers it, exactly as for an unknown one.
     */
    public void requireEngagement(String engagementId, String what, Object id) {
        if (!mayTouch(engagementId)) {
            throw ApiProblem.notFound(what, id);
        }
    }

    private static Side side(String claim) {
        try {
            return claim == null ? null : Side.valueOf(claim);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Set<String> strings(List<String> claim) {
        return claim == null ? Set.of() : Set.copyOf(claim);
    }
}
