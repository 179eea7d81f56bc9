package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Release;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Release predictability: the share of releases shipped no later than one day after the planned date. */
final class ReleasePredictability extends Measure {
    static final String NAME = "release-predictability";

    ReleasePredictability() {
        super(NAME, "Releases shipped in the period no later than one day after their planned date / releases shipped "
                + "in the period.");
    }

    /** Evidence: the planned and the shipped event of every release counted; unshipped plans do not count. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        Reading.Builder reading = Reading.builder();
        long shipped = 0;
        long onTime = 0;
        for (Release release : facts.releases()) {
            if (window.contains(release.shippedOn()) && release.plannedFor() != null) {
                shipped++;
                if (!release.shippedOn().isAfter(release.plannedFor().plusDays(1))) {
                    onTime++;
                }
                reading.evidence(release.plannedEventId(), release.shippedEventId());
            }
        }
        return reading.value("shipped", shipped)
                .value("onTime", onTime)
                .value("ratio", round(Stats.ratio(onTime, shipped)))
                .build();
    }
}
