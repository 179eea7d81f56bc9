package com.engagementledger.scorecard.measures;

import static org.assertj.core.api.Assertions.assertThat;

/** The one check of every measure's table: the values as the API orders them, and the events behind them. */
final class MeasureAssertions {
    private MeasureAssertions() {
    }

    /**
     * @param values   the values in order, as {@code {key=value, ...}} (integers without, ratios with a decimal point)
     * @param evidence the event ids, as {@code [id, ...]}
     */
    static void assertReading(Measure measure, Facts facts, Window window, String values, String evidence) {
        Reading reading = measure.compute(facts.build(), window);
        assertThat(reading.values()).as("values").hasToString(values);
        assertThat(reading.evidence()).as("evidence").hasToString(evidence);
    }
}
