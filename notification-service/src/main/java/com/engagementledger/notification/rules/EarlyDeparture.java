package com.engagementledger.notification.rules;

import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import org.springframework.stereotype.Component;

/**
 * {@value RuleNames#EARLY_DEPARTURE}, subject: the engineer who left.
 * <ul>
 * <li>reacts to: EngineerLeft, EngineerJoined</li>
 * <li>keeps: nothing (the event carries the days on the engagement)</li>
 * <li>raises (WARNING): at once, when an engineer leaves within {@code early-departure.within-days} (90) of
 * joining</li>
 * <li>resolves: every early departure of the engagement, when a new engineer joins (the gap is being refilled)</li>
 * </ul>
 */
@Component
class EarlyDeparture implements GovernanceRule {
    private final int withinDays;
    private final Alerts alerts;

    EarlyDeparture(RulesProperties props, Alerts alerts) {
        this.withinDays = props.earlyDeparture().withinDays();
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.EARLY_DEPARTURE;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(EngineerLeft.class, this::left)
                .on(EngineerJoined.class, (e, cause) -> alerts.clearAll(e.engagementId(), RuleNames.EARLY_DEPARTURE,
                        cause.value(), "engineer " + e.engineerId() + " joined"));
    }

    private void left(EngineerLeft e, EventId cause) {
        if (e.daysOnEngagement() <= withinDays) {
            alerts.open(condition(EngagementId.of(e), new EngineerId(e.engineerId())), AlertSeverity.WARNING,
                    "Engineer " + e.engineerId() + " left after " + e.daysOnEngagement() + " days (within "
                            + withinDays + " days of joining)", cause.asCauses());
        }
    }

    static AlertCondition condition(EngagementId engagement, EngineerId engineer) {
        return new AlertCondition(RuleNames.EARLY_DEPARTURE, engagement.value(), engineer.value());
    }
}
