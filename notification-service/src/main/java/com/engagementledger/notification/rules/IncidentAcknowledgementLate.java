package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@value RuleNames#INCIDENT_NOT_ACKNOWLEDGED}, subject: the incident.
 * <ul>
 * <li>reacts to: IncidentOpened, IncidentAcknowledged, IncidentResolved</li>
 * <li>keeps: nothing but its deadline, measured on the incident's own times (detected + target)</li>
 * <li>raises (CRITICAL for SEV1/SEV2, else WARNING): when the acknowledge target the event carries (SEV1 15 min,
 * SEV2 30 min, SEV3 4 h, SEV4 next overlap; a configured fallback if it carries none) passes unacknowledged</li>
 * <li>resolves: when the incident is acknowledged or resolved</li>
 * </ul>
 */
@Component
class IncidentAcknowledgementLate implements GovernanceRule {
    /** When neither the event nor the configuration gives a target. */
    private static final Duration LAST_RESORT_TARGET = Duration.ofHours(24);

    private final Map<Severity, Duration> fallbackTargets;
    private final Deadlines deadlines;
    private final Alerts alerts;

    IncidentAcknowledgementLate(RulesProperties props, Deadlines deadlines, Alerts alerts) {
        this.fallbackTargets = props.incidentAcknowledge().fallbackTargets();
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.INCIDENT_NOT_ACKNOWLEDGED;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(IncidentOpened.class, this::opened)
                .on(IncidentAcknowledged.class, (e, cause) ->
                        answered(EngagementId.of(e), new IncidentId(e.incidentId()), cause, "incident acknowledged"))
                .on(IncidentResolved.class, (e, cause) ->
                        answered(EngagementId.of(e), new IncidentId(e.incidentId()), cause, "incident resolved"));
    }

    private void opened(IncidentOpened e, EventId cause) {
        Duration target = target(e, fallbackTargets);
        deadlines.register(new Deadline(condition(EngagementId.of(e), new IncidentId(e.incidentId())),
                e.detectedAt().plus(target), IncidentAlerts.severity(e.severity()),
                IncidentAlerts.describe(e) + " not acknowledged within " + target.toMinutes() + " minutes",
                cause.asCauses()));
    }

    private void answered(EngagementId engagement, IncidentId incident, EventId cause, String note) {
        AlertCondition condition = condition(engagement, incident);
        deadlines.cancel(condition);
        alerts.clear(condition, cause.value(), note);
    }

    /** The event's own target (engagement-service knows the overlap window SEV4 waits for), else the fallback. */
    static Duration target(IncidentOpened incident, Map<Severity, Duration> fallbackTargets) {
        return incident.acknowledgeTargetMinutes() > 0
                ? Duration.ofMinutes(incident.acknowledgeTargetMinutes())
                : fallbackTargets.getOrDefault(incident.severity(), LAST_RESORT_TARGET);
    }

    static AlertCondition condition(EngagementId engagement, IncidentId incident) {
        return new AlertCondition(RuleNames.INCIDENT_NOT_ACKNOWLEDGED, engagement.value(), incident.value());
    }
}
