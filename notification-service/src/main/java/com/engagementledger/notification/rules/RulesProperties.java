package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/** Thresholds of every governance rule; defaults (in application.yml) are DOMAIN.md's. */
@ConfigurationProperties("ledger.notification.rules")
record RulesProperties(Ownership ownership, Week8Review week8Review, WeeklyMetrics weeklyMetrics,
                       IncidentAcknowledge incidentAcknowledge, FirstIncrement firstIncrement,
                       QualityDrift qualityDrift, EarlyDeparture earlyDeparture) {

    /** An area may stay unowned for gracePeriod after the engagement start. */
    record Ownership(Duration gracePeriod) {
    }

    /** due: from the start of week 7; overdue: once week 9 has ended. Both measured from the start date. */
    record Week8Review(Duration dueAfter, Duration overdueAfter) {
    }

    record WeeklyMetrics(Duration maxGap) {
    }

    /** Used only when an IncidentOpened event carries no positive acknowledgeTargetMinutes. */
    record IncidentAcknowledge(Map<Severity, Duration> fallbackTargets) {
    }

    record FirstIncrement(Duration within) {
    }

    /** weeks: how many consecutive ISO weeks must rise strictly; reworkWindow: reopened within this counts as rework. */
    record QualityDrift(int weeks, Duration reworkWindow) {
    }

    record EarlyDeparture(int withinDays) {
    }
}
