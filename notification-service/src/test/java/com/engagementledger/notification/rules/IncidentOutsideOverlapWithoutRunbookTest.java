package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static com.engagementledger.notification.rules.RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentOutsideOverlapWithoutRunbookTest extends RuleScenario {

    @Test
    void incident_outside_overlap_without_runbook_fires_at_once_and_clears_with_postmortem() {
        String engagement = openEngagement(today());
        String noRunbook = newId();
        String withRunbook = newId();
        publish(new IncidentOpened(engagement, withRunbook, Severity.SEV3, "search", "index lag", clock.instant(),
                "https://runbooks/search", true, 240));
        String opened = publish(new IncidentOpened(engagement, noRunbook, Severity.SEV2, "billing", "3 am outage",
                clock.instant(), null, true, 30));
        var alert = awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, noRunbook, "OPEN");
        assertThat(alert.causes()).containsExactly(opened);
        // the incident with a runbook came first on the same partition, so it has been applied too
        assertThat(alert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, withRunbook, "OPEN")).isEmpty();

        publish(new PostmortemPublished(engagement, noRunbook, clock.instant(), "https://pm/1", "runbook written"));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, noRunbook, "RESOLVED");
    }

    @ParameterizedTest(name = "outside the overlap: {0}, runbook ''{1}'': raises {2}")
    @CsvSource(value = {
            "true,  NULL,                  true",
            "true,  '',                    true",
            "true,  '  ',                  true",
            "true,  https://runbooks/api,  false",
            "false, NULL,                  false",
            "false, https://runbooks/api,  false",
    }, nullValues = "NULL")
    void raises_for_an_incident_outside_the_overlap_without_a_runbook(boolean outside, String runbook,
                                                                       boolean raises) {
        assertThat(IncidentOutsideOverlapWithoutRunbook.raises(new IncidentOpened("e", "i", Severity.SEV3, "api",
                "down", Instant.EPOCH, runbook, outside, 240))).isEqualTo(raises);
    }
}
