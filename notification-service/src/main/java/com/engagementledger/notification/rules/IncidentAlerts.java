package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.notification.alerts.AlertSeverity;

/** What the two incident rules say alike: how urgent an incident's alert is, and how it names the incident. */
final class IncidentAlerts {
    private IncidentAlerts() {
    }

    /** SEV1 and SEV2 need someone now; SEV3 and SEV4 can wait for the overlap window. */
    static AlertSeverity severity(Severity severity) {
        return severity == Severity.SEV1 || severity == Severity.SEV2 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
    }

    static String describe(IncidentOpened incident) {
        return incident.severity() + " incident '" + incident.title() + "' on " + incident.service();
    }
}
