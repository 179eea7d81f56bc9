package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.notification.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A rule's scenario: a history published to Kafka as engagement-service does, the alerts read as stored. */
abstract class RuleScenario extends IntegrationTest {

    String openEngagement(LocalDate start) {
        return openEngagement(start, "UTC");
    }

    String openEngagement(LocalDate start, String clientTimeZone) {
        String engagement = newId();
        awaitApplied(publish(new EngagementOpened(engagement, "Payments", "Acme", "Offshore Co",
                EngagementModel.DEDICATED_TEAM, ManagementStructure.SHARED, ContractType.DEDICATED, clientTimeZone,
                "Asia/Kolkata", LocalTime.of(9, 0), LocalTime.of(13, 0), CoveragePattern.HALF_DAY_OVERLAP, start)));
        return engagement;
    }

    /**
     * The positive marker before asserting that a time rule did NOT fire: a deadline that is due right now (a SEV1
     * of an engagement of its own, detected its 15-minute target ago) must fire. The poller claims passed deadlines
     * earliest first, in batches that each commit as one, so once this one has fired, every deadline that was due
     * before now has fired with it or before it.
     */
    void awaitDeadlinesDueNowFired() {
        String engagement = newId();
        String incident = newId();
        Instant detected = clock.instant().minus(Duration.ofMinutes(15));
        publish(new IncidentOpened(engagement, incident, Severity.SEV1, "marker-api", "marker", detected,
                "https://runbooks/marker", false, 15));
        awaitAlert(engagement, RuleNames.INCIDENT_NOT_ACKNOWLEDGED, incident, "OPEN");
    }
}
