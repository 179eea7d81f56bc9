package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.engagementledger.scorecard.measures.Stats.round;

/**
 * Onboarding phases reached (the capability factor's input): engineers past their first month who contribute, and
 * how many engineers are in each phase.
 */
final class Onboarding extends Measure {
    static final String NAME = "onboarding";
    static final String RATIO = "ratio";
    // the phases in order, as the read model ranks them
    private static final int OBSERVATION = 0;
    private static final int CONTRIBUTION = 1;
    private static final int ACCOUNTABLE_OWNERSHIP = 2;

    Onboarding() {
        super(NAME, "Engineers on the engagement for 30 days or more who reached CONTRIBUTION or ACCOUNTABLE_OWNERSHIP "
                + "/ engineers on the engagement for 30 days or more.");
    }

    /** Evidence: the joining and the latest phase reached of every engineer on the engagement on the last day. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        LocalDate asOf = window.asOf();
        List<Engineer> present = facts.engineers().stream().filter(e -> e.joinedOn() != null
                && !e.joinedOn().isAfter(asOf) && (e.leftOn() == null || e.leftOn().isAfter(asOf))).toList();
        // the first month is observation by design: only engineers with 30 days or more are expected to contribute
        List<Engineer> eligible = present.stream()
                .filter(e -> ChronoUnit.DAYS.between(e.joinedOn(), asOf) >= 30).toList();
        long contributing = eligible.stream().filter(e -> e.phaseRank() >= CONTRIBUTION).count();
        Reading.Builder reading = Reading.builder();
        present.forEach(e -> reading.evidence(e.joinedEventId(), e.phaseEventId()));
        return reading.value("engineers", present.size())
                .value("observation", inPhase(present, OBSERVATION))
                .value("contribution", inPhase(present, CONTRIBUTION))
                .value("accountableOwnership", inPhase(present, ACCOUNTABLE_OWNERSHIP))
                .value("eligible", eligible.size())
                .value(RATIO, round(Stats.ratio(contributing, eligible.size())))
                .build();
    }

    /** Phase dates are not kept, only the phase reached: there is no past week to show. */
    @Override
    boolean inWeeklySeries() {
        return false;
    }

    private static long inPhase(List<Engineer> engineers, int phaseRank) {
        return engineers.stream().filter(e -> e.phaseRank() == phaseRank).count();
    }
}
