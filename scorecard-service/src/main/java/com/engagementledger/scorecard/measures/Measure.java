package com.engagementledger.scorecard.measures;

import java.util.Map;

/**
 * One measure of the scorecard, named as in the domain: what it means, and its values over a window of days side by
 * side with the events that back them. A pure function of the facts and the window (whose last day is "today").
 */
abstract class Measure {
    private final String name;
    private final String definition;

    /**
     * @param name       the name the API uses ({@code /measures/{name}}, the keys of the scorecard's JSON)
     * @param definition how the values are computed, in words, for the readers of the API
     */
    Measure(String name, String definition) {
        this.name = name;
        this.definition = definition;
    }

    final String name() {
        return name;
    }

    final String definition() {
        return definition;
    }

    abstract Reading compute(EngagementFacts facts, Window window);

    /** Whether the weekly series shows this measure: only those whose past the facts keep. */
    boolean inWeeklySeries() {
        return true;
    }

    /** The values one week of the series shows: by default, those of the week as a window. */
    Map<String, Number> week(EngagementFacts facts, Window week) {
        return compute(facts, week).values();
    }
}
