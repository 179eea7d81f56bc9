package com.engagementledger.notification.rules;

import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.Alerts;
import org.springframework.stereotype.Component;

/**
 * {@value RuleNames#INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK}, subject: the incident. The 3 am incident that lands on
 * someone without a runbook.
 * <ul>
 * <li>reacts to: IncidentOpened, PostmortemPublished</li>
 * <li>keeps: nothing</li>
 * <li>raises (CRITICAL for SEV1/SEV2, else WARNING): at once, when an incident started outside the overlap window
 * and has no runbook</li>
 * <li>resolves: when its postmortem is published (the learning was captured)</li>
 * </ul>
 */
@Component
class IncidentOutsideOverlapWithoutRunbook implements GovernanceRule {
    private final Alerts alerts;

    IncidentOutsideOverlapWithoutRunbook(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(IncidentOpened.class, this::opened)
                .on(PostmortemPublished.class, (e, cause) -> alerts.clear(
                        condition(EngagementId.of(e), new IncidentId(e.incidentId())), cause.value(),
                        "postmortem published"));
    }

    private void opened(IncidentOpened e, EventId cause) {
        if (raises(e)) {
            alerts.open(condition(EngagementId.of(e), new IncidentId(e.incidentId())),
                    IncidentAlerts.severity(e.severity()),
                    IncidentAlerts.describe(e) + " started outside the overlap window and has no runbook",
                    cause.asCauses());
        }
    }

    static boolean raises(IncidentOpened incident) {
        return incident.startedOutsideOverlap() && (incident.runbookUrl() == null || incident.runbookUrl().isBlank());
    }

    static AlertCondition condition(EngagementId engagement, IncidentId incident) {
        return new AlertCondition(RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, engagement.value(), incident.value());
    }
}
