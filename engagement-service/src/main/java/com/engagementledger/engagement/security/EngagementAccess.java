package com.engagementledger.engagement.security;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.NotFound;
import com.engagementledger.engagement.common.RuleViolation;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the caller from the token, and answers 404 for any engagement the token does not list. */
@Component
public class EngagementAccess {

    public Caller caller() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no JWT authentication on this request");
        }
        Jwt jwt = token.getToken();
        String sideClaim = jwt.getClaimAsString("side");
        Side side;
        try {
            side = sideClaim == null ? null : Side.valueOf(sideClaim);
        } catch (IllegalArgumentException e) {
            side = null;
        }
        if (side == null) {
            throw new RuleViolation("token.side.missing", "the token must name the caller's side: CLIENT or PARTNER");
        }
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<String> engagements = jwt.getClaimAsStringList("engagements");
        String name = jwt.getClaimAsString("name");
        return new Caller(new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name, side),
                roles == null ? List.of() : roles, engagements == null ? List.of() : engagements);
    }

    /** The caller, after checking the engagement is one the token may touch (404 otherwise, never 403). */
    public Caller requireEngagement(String engagementId) {
        Caller caller = caller();
        if (!caller.mayTouch(engagementId)) {
            throw new NotFound("engagement", engagementId);
        }
        return caller;
    }
}
