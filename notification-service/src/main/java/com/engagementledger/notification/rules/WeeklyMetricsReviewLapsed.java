package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * {@value RuleNames#WEEKLY_METRICS_LAPSED}, subject {@value #SUBJECT}.
 * <ul>
 * <li>reacts to: EngagementOpened, GovernanceReviewHeld (WEEKLY_METRICS)</li>
 * <li>keeps: nothing but its deadline, which each review moves to its {@code heldOn} + the maximum gap</li>
 * <li>raises (WARNING): {@code weekly-metrics.max-gap} (14 days) after the start or after the last review without
 * another</li>
 * <li>resolves: when a weekly metrics review is held (the clock restarts from it)</li>
 * </ul>
 */
@Component
class WeeklyMetricsReviewLapsed implements GovernanceRule {
    static final String SUBJECT = "weekly-metrics";

    private final Duration maxGap;
    private final Engagements engagements;
    private final Deadlines deadlines;
    private final Alerts alerts;

    WeeklyMetricsReviewLapsed(RulesProperties props, Engagements engagements, Deadlines deadlines, Alerts alerts) {
        this.maxGap = props.weeklyMetrics().maxGap();
        this.engagements = engagements;
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.WEEKLY_METRICS_LAPSED;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(EngagementOpened.class, (e, cause) -> engagements.start(EngagementId.of(e))
                        .ifPresent(start -> deadlines.register(deadline(EngagementId.of(e), start, cause))))
                .on(GovernanceReviewHeld.class, this::reviewHeld);
    }

    private void reviewHeld(GovernanceReviewHeld e, EventId cause) {
        if (e.kind() != ReviewKind.WEEKLY_METRICS) {
            return;
        }
        EngagementId engagement = EngagementId.of(e);
        alerts.clear(condition(engagement), cause.value(), "weekly metrics review held on " + e.heldOn());
        Deadline next = deadline(engagement, engagements.startOfDay(engagement, e.heldOn()), cause);
        // an older review arriving late must not pull the next deadline back
        Instant pending = deadlines.pendingDueAt(next.condition()).orElse(Instant.MIN);
        if (next.dueAt().isAfter(pending)) {
            deadlines.register(next);
        }
    }

    private Deadline deadline(EngagementId engagement, Instant lastReviewOrStart, EventId cause) {
        return new Deadline(condition(engagement), lastReviewOrStart.plus(maxGap), AlertSeverity.WARNING,
                "No weekly metrics review for " + maxGap.toDays() + " days", cause.asCauses());
    }

    static AlertCondition condition(EngagementId engagement) {
        return new AlertCondition(RuleNames.WEEKLY_METRICS_LAPSED, engagement.value(), SUBJECT);
    }
}
