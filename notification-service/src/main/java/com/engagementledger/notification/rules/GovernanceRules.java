package com.engagementledger.notification.rules;

import com.engagementledger.contract.LedgerEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one ledger event to every governance rule that reacts to it, inside the consumer's transaction. Event
 * rules open or resolve alerts at once; time rules register or cancel deadlines that fire later.
 */
@Component
public class GovernanceRules {
    private final List<Reactions> reactions = new ArrayList<>();

    GovernanceRules(EngagementLifecycle lifecycle, List<GovernanceRule> rules) {
        // the lifecycle first: the rules read the start date and time zone it records from the same event
        reactions.add(lifecycle.reactions());
        rules.forEach(rule -> reactions.add(rule.reactions()));
    }

    /** A ledger event as it arrived: its CloudEvents id (de-duplication and alert causes) and payload. */
    public record Arrived(String eventId, LedgerEvent event) {
    }

    public void apply(Arrived arrived) {
        EventId cause = new EventId(arrived.eventId());
        reactions.forEach(r -> r.react(arrived.event(), cause));
    }
}
