package com.engagementledger.engagement.security;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;

import java.util.List;

/** The authenticated caller: who they are (the actor recorded on events), their roles and their engagements. */
public record Caller(Actor actor, List<String> roles, List<String> engagements) {

    public boolean seesAllEngagements() {
        return engagements.contains("*");
    }

    public boolean mayTouch(String engagementId) {
        return seesAllEngagements() || engagements.contains(engagementId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Side side() {
        return actor.side();
    }
}
