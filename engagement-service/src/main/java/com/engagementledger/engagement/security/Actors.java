package com.engagementledger.engagement.security;

import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.support.security.Caller;

/** The actor a command records: the token's subject, display name and side, never a field of the request. */
public final class Actors {
    private Actors() {
    }

    /** A command needs the caller's side (client-only rules depend on it): a token without a known one is refused. */
    public static Actor of(Caller caller) {
        RuleViolation.require(caller.side() != null, "token.side.missing",
                "the token must name the caller's side: CLIENT or PARTNER");
        return new Actor(caller.subject(), caller.displayName(), caller.side());
    }
}
