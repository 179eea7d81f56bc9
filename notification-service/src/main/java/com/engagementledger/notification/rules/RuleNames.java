package com.engagementledger.notification.rules;

import java.util.List;

/** The stable names of the governance rules; they appear in alerts, filters, webhooks and metrics. */
public final class RuleNames {
    public static final String OWNERSHIP_AREA_UNOWNED = "ownership.area-unowned";
    public static final String WEEK8_REVIEW_DUE = "governance.week8-review-due";
    public static final String WEEK8_REVIEW_OVERDUE = "governance.week8-review-overdue";
    public static final String WEEKLY_METRICS_LAPSED = "governance.weekly-metrics-review-lapsed";
    public static final String INCIDENT_NOT_ACKNOWLEDGED = "incident.not-acknowledged-in-time";
    public static final String INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK = "incident.outside-overlap-without-runbook";
    public static final String FIRST_INCREMENT_MISSING = "delivery.first-increment-missing";
    public static final String COSTLY_DECISION_REVERSED = "decision.costly-decision-reversed";
    public static final String QUALITY_DRIFT = "quality.drift";
    public static final String EARLY_DEPARTURE = "onboarding.early-departure";

    public static final List<String> ALL = List.of(OWNERSHIP_AREA_UNOWNED, WEEK8_REVIEW_DUE, WEEK8_REVIEW_OVERDUE,
            WEEKLY_METRICS_LAPSED, INCIDENT_NOT_ACKNOWLEDGED, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK,
            FIRST_INCREMENT_MISSING, COSTLY_DECISION_REVERSED, QUALITY_DRIFT, EARLY_DEPARTURE);

    private RuleNames() {
    }
}
