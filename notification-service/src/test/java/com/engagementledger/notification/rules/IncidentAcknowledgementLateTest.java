package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.notification.alerts.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static com.engagementledger.notification.rules.RuleNames.INCIDENT_NOT_ACKNOWLEDGED;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentAcknowledgementLateTest extends RuleScenario {
    @Autowired
    RulesProperties props;

    @Test
    void incident_not_acknowledged_in_time_fires_after_target_and_clears_on_acknowledgement() {
        String engagement = openEngagement(today());
        String late = newId();
        String onTime = newId();
        Instant detected = clock.instant();
        publish(new IncidentOpened(engagement, late, Severity.SEV1, "payments-api", "5xx spike", detected,
                "https://runbooks/payments", false, 15));
        publish(new IncidentOpened(engagement, onTime, Severity.SEV2, "ledger-api", "slow", detected,
                "https://runbooks/ledger", false, 30));
        awaitApplied(publish(new IncidentAcknowledged(engagement, onTime, Severity.SEV2, detected.plusSeconds(60),
                "eng-3", Side.PARTNER, true, 1, true)));

        clock.advance(Duration.ofMinutes(16));
        var alert = awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, late, "OPEN");
        assertThat(alert.severity()).isEqualTo("CRITICAL");

        publish(new IncidentAcknowledged(engagement, late, Severity.SEV1, clock.instant(), "eng-4", Side.PARTNER,
                false, 16, false));
        awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, late, "RESOLVED");

        // the SEV2's 30 minutes are over too: acknowledged in time, it never alerts
        clock.advance(Duration.ofMinutes(31));
        awaitDeadlinesDueNowFired();
        assertThat(alertCount(engagement, INCIDENT_NOT_ACKNOWLEDGED)).isEqualTo(1);
    }

    @Test
    void an_incident_resolved_without_acknowledgement_resolves_its_alert() {
        String engagement = openEngagement(today());
        String incident = newId();
        Instant detected = clock.instant().minus(Duration.ofHours(5));
        publish(new IncidentOpened(engagement, incident, Severity.SEV3, "search", "stale index", detected,
                "https://runbooks/search", false, 240));
        awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, incident, "OPEN");
        String resolved = publish(new IncidentResolved(engagement, incident, Severity.SEV3, detected,
                clock.instant(), "reindexed"));
        assertThat(awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, incident, "RESOLVED").causes())
                .contains(resolved);
    }

    /** The event's target when it has one (SEV4's "next overlap" is computed by engagement-service), else the fallback. */
    @ParameterizedTest(name = "{0} with target {1} min: {2}, {3}")
    @CsvSource({
            "SEV1,  15, PT15M, CRITICAL",
            "SEV2,  30, PT30M, CRITICAL",
            "SEV3, 240, PT4H,  WARNING",
            "SEV4, 630, PT10H30M, WARNING", // detected 22:30, overlap opens at 09:00
            "SEV1,   0, PT15M, CRITICAL",   // fallbacks: application.yml
            "SEV3,  -1, PT4H,  WARNING",
            "SEV4,   0, PT24H, WARNING",
    })
    void acknowledge_target_and_severity(Severity severity, long targetMinutes, Duration target,
                                         AlertSeverity alertSeverity) {
        IncidentOpened incident = new IncidentOpened("e", "i", severity, "api", "down", Instant.EPOCH, null, false,
                targetMinutes);
        assertThat(IncidentAcknowledgementLate.target(incident, props.incidentAcknowledge().fallbackTargets()))
                .isEqualTo(target);
        assertThat(IncidentAlerts.severity(severity)).isEqualTo(alertSeverity);
    }
}
