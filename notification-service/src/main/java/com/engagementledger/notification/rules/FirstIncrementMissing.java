package com.engagementledger.notification.rules;

import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@value RuleNames#FIRST_INCREMENT_MISSING}, subject {@value #SUBJECT}.
 * <ul>
 * <li>reacts to: EngagementOpened, ReleaseShipped</li>
 * <li>keeps: the date the first release shipped</li>
 * <li>raises (WARNING): {@code first-increment.within} (28 days) after the start without any shipped release</li>
 * <li>resolves: when the first release ships</li>
 * </ul>
 */
@Component
class FirstIncrementMissing implements GovernanceRule {
    static final String SUBJECT = "first-increment";

    private final Duration within;
    private final Engagements engagements;
    private final Deadlines deadlines;
    private final Alerts alerts;

    FirstIncrementMissing(RulesProperties props, Engagements engagements, Deadlines deadlines, Alerts alerts) {
        this.within = props.firstIncrement().within();
        this.engagements = engagements;
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.FIRST_INCREMENT_MISSING;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(EngagementOpened.class, this::opened)
                .on(ReleaseShipped.class, this::shipped);
    }

    private void opened(EngagementOpened e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        engagements.start(engagement).ifPresent(start -> deadlines.register(new Deadline(condition(engagement),
                start.plus(within), AlertSeverity.WARNING,
                "No first increment shipped " + within.toDays() + " days after the engagement start",
                cause.asCauses())));
    }

    private void shipped(ReleaseShipped e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        engagements.recordReleaseShipped(engagement, e.shippedOn());
        deadlines.cancel(condition(engagement));
        alerts.clear(condition(engagement), cause.value(), "release " + e.name() + " shipped on " + e.shippedOn());
    }

    static AlertCondition condition(EngagementId engagement) {
        return new AlertCondition(RuleNames.FIRST_INCREMENT_MISSING, engagement.value(), SUBJECT);
    }
}
