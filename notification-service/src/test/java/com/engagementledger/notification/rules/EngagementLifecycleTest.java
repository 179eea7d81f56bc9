package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.engagementledger.notification.rules.RuleNames.EARLY_DEPARTURE;
import static com.engagementledger.notification.rules.RuleNames.FIRST_INCREMENT_MISSING;
import static com.engagementledger.notification.rules.RuleNames.INCIDENT_NOT_ACKNOWLEDGED;
import static com.engagementledger.notification.rules.RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK;
import static org.assertj.core.api.Assertions.assertThat;

class EngagementLifecycleTest extends RuleScenario {

    @Test
    void closing_the_engagement_resolves_its_alerts_and_cancels_its_time_rules() {
        String engagement = openEngagement(today());
        String incident = newId();
        publish(new IncidentOpened(engagement, incident, Severity.SEV3, "search", "lag", clock.instant(), null, true,
                240));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, incident, "OPEN");
        publish(new EngagementClosed(engagement, "contract ended"));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, incident, "RESOLVED");
        assertThat(jdbc.sql("select count(*) from schedule_entry where engagement_id = ? and state <> 'CANCELLED'")
                .params(engagement).query(Long.class).single()).isZero();
        clock.advance(Duration.ofDays(30));
        awaitDeadlinesDueNowFired();
        assertThat(alertCount(engagement, FIRST_INCREMENT_MISSING)).isZero();
        assertThat(alertCount(engagement, INCIDENT_NOT_ACKNOWLEDGED)).isZero();
    }

    @Test
    void a_paused_engagement_keeps_its_alerts() {
        String engagement = openEngagement(today().minusDays(100));
        String left = newId();
        publish(new EngineerLeft(engagement, left, today().minusDays(10), today(), 10, "left"));
        awaitAlert(engagement, EARLY_DEPARTURE, left, "OPEN");
        publish(new EngagementPaused(engagement, "budget review"));
        // marker: a later departure on the same partition opens its alert after the pause was applied
        String marker = newId();
        publish(new EngineerLeft(engagement, marker, today().minusDays(5), today(), 5, "left"));
        awaitAlert(engagement, EARLY_DEPARTURE, marker, "OPEN");
        assertThat(alert(engagement, EARLY_DEPARTURE, left, "OPEN")).isPresent();
    }
}
