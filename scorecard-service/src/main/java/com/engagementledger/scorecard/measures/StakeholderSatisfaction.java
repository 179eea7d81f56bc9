package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Rating;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Stakeholder satisfaction: the mean rating and its trend. */
final class StakeholderSatisfaction extends Measure {
    static final String NAME = "stakeholder-satisfaction";
    private static final String TREND = "trend";

    StakeholderSatisfaction() {
        super(NAME, "Mean stakeholder rating (1-5) of the period; trend = mean of the last four ISO weeks minus the "
                + "mean of the four weeks before.");
    }

    /** Evidence: every rating given in the window. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        List<Rating> ratings = facts.ratings().stream().filter(r -> window.contains(r.ratedOn())).toList();
        // trend: the mean of the last four ISO weeks minus the mean of the four weeks before them
        LocalDate lastFour = Window.monday(window.asOf()).minusWeeks(3);
        Double recent = meanRating(facts, lastFour, window.until());
        Double before = meanRating(facts, lastFour.minusWeeks(4), lastFour);
        Reading.Builder reading = Reading.builder()
                .value("ratings", ratings.size())
                .value("mean", round(Stats.mean(ratings.stream().map(Rating::rating).toList())))
                .value(TREND, recent == null || before == null ? null : round(recent - before));
        ratings.forEach(r -> reading.evidence(r.eventId()));
        return reading.build();
    }

    /** A week's own trend would compare weeks outside it: the series shows the mean only. */
    @Override
    Map<String, Number> week(EngagementFacts facts, Window week) {
        return compute(facts, week).valuesWithout(TREND);
    }

    private static Double meanRating(EngagementFacts facts, LocalDate from, LocalDate until) {
        Window span = new Window(from, until, 1);
        return Stats.mean(facts.ratings().stream().filter(r -> span.contains(r.ratedOn())).map(Rating::rating)
                .toList());
    }
}
