package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;

import java.time.Duration;

/**
 * What {@link Week8ReviewDue} and {@link Week8ReviewOverdue} share: problems tend to surface together around weeks
 * 6–10, so both wait, from the engagement start, for the same WEEK_8_GOVERNANCE review, and both resolve when it is
 * held.
 */
abstract class Week8Review implements GovernanceRule {
    static final String SUBJECT = "week-8-review";

    /** The alert a rule raises when the review has not been held {@code after} the start. */
    record Raise(String rule, Duration after, AlertSeverity severity, String message) {
    }

    private final Raise raise;
    private final Engagements engagements;
    private final Deadlines deadlines;
    private final Alerts alerts;

    Week8Review(Raise raise, Engagements engagements, Deadlines deadlines, Alerts alerts) {
        this.raise = raise;
        this.engagements = engagements;
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return raise.rule();
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(EngagementOpened.class, this::opened)
                .on(GovernanceReviewHeld.class, this::reviewHeld);
    }

    private void opened(EngagementOpened e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        engagements.start(engagement).ifPresent(start -> deadlines.register(new Deadline(condition(engagement),
                start.plus(raise.after()), raise.severity(), raise.message(), cause.asCauses())));
    }

    private void reviewHeld(GovernanceReviewHeld e, EventId cause) {
        if (e.kind() == ReviewKind.WEEK_8_GOVERNANCE) {
            AlertCondition condition = condition(EngagementId.of(e));
            deadlines.cancel(condition);
            alerts.clear(condition, cause.value(), "week-8 governance review held on " + e.heldOn());
        }
    }

    AlertCondition condition(EngagementId engagement) {
        return new AlertCondition(raise.rule(), engagement.value(), SUBJECT);
    }
}
