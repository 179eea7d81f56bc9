package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Incident;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Incident trend: incidents per week by severity; mean time to acknowledge and to resolve. */
final class IncidentTrend extends Measure {
    static final String NAME = "incident-trend";
    private static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");

    IncidentTrend() {
        super(NAME, "Incidents detected in the period by severity, per week; mean minutes from detection to "
                + "acknowledgement (MTTA) and mean hours from detection to resolution (MTTR).");
    }

    /** Evidence: the opened, acknowledged and resolved events of every incident detected in the window. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        List<Incident> incidents = facts.incidents().stream().filter(i -> window.contains(i.detectedAt())).toList();
        Reading.Builder reading = Reading.builder().value("incidents", incidents.size());
        for (String severity : SEVERITIES) {
            reading.value(severity.toLowerCase(Locale.ROOT),
                    incidents.stream().filter(i -> severity.equals(i.severity())).count());
        }
        reading.value("perWeek", round(incidents.size() / window.weeks()))
                .value("mttaMinutes", round(Stats.mean(incidents.stream().filter(i -> i.acknowledgedAt() != null)
                        .map(i -> Duration.between(i.detectedAt(), i.acknowledgedAt()).toSeconds() / 60.0)
                        .toList())))
                .value("mttrHours", round(Stats.mean(incidents.stream().filter(i -> i.resolvedAt() != null)
                        .map(i -> Duration.between(i.detectedAt(), i.resolvedAt()).toSeconds() / 3600.0)
                        .toList())));
        incidents.forEach(i -> reading.evidence(i.openedEventId(), i.acknowledgedEventId(), i.resolvedEventId()));
        return reading.build();
    }
}
