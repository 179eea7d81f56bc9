package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;

import java.time.LocalDate;
import java.util.List;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Retention: engineers still on the engagement / engineers who joined, over 12 months. */
final class Retention extends Measure {
    static final String NAME = "retention";
    static final String RATIO = "ratio";

    Retention() {
        super(NAME, "Engineers who joined in the 12 months up to the day and are still on the engagement / engineers "
                + "who joined in those 12 months.");
    }

    /** Evidence: the joining of every engineer counted, and the leaving of those who left by the window's end. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        LocalDate asOf = window.asOf();
        LocalDate since = asOf.minusMonths(12);
        List<Engineer> joined = facts.engineers().stream().filter(e -> e.joinedOn() != null
                && e.joinedOn().isAfter(since) && !e.joinedOn().isAfter(asOf)).toList();
        List<Engineer> stayed = joined.stream().filter(e -> !hasLeftBy(e, asOf)).toList();
        Reading.Builder reading = Reading.builder();
        joined.forEach(e -> {
            reading.evidence(e.joinedEventId());
            if (hasLeftBy(e, asOf)) {
                reading.evidence(e.leftEventId());
            }
        });
        return reading.value("joined", joined.size())
                .value("stillOn", stayed.size())
                .value(RATIO, round(Stats.ratio(stayed.size(), joined.size())))
                .build();
    }

    private static boolean hasLeftBy(Engineer engineer, LocalDate day) {
        return engineer.leftOn() != null && !engineer.leftOn().isAfter(day);
    }
}
