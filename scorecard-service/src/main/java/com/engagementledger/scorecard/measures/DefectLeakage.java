package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Defect;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Defect leakage: production defects / all defects found. */
final class DefectLeakage extends Measure {
    static final String NAME = "defect-leakage";
    static final String RATIO = "ratio";

    DefectLeakage() {
        super(NAME, "Defects found in production / all defects found in the period (by foundAt).");
    }

    /** Evidence: every defect found in the window, wherever it was found. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        Reading.Builder reading = Reading.builder();
        long all = 0;
        long production = 0;
        for (Defect defect : facts.defects()) {
            if (window.contains(defect.foundAt())) {
                all++;
                production += "PRODUCTION".equals(defect.stage()) ? 1 : 0;
                reading.evidence(defect.eventId());
            }
        }
        return reading.value("defects", all)
                .value("production", production)
                .value(RATIO, round(Stats.ratio(production, all)))
                .build();
    }
}
