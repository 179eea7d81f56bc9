package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Decision;
import com.engagementledger.scorecard.measures.EngagementFacts.Review;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Governance cadence: weekly reviews held on time, the week-8 review, decisions documented per week. */
final class GovernanceCadence extends Measure {
    static final String NAME = "governance-cadence";
    static final String ON_TIME_RATIO = "onTimeRatio";
    static final String DECISIONS_PER_WEEK = "decisionsPerWeek";
    private static final String WEEK_8_REVIEW_ON_TIME = "week8ReviewOnTime";

    GovernanceCadence() {
        super(NAME, "ISO weeks with a WEEKLY_METRICS review / weeks due; whether the week-8 governance review was held "
                + "by day 63; decisions accepted in the period and per week.");
    }

    /**
     * Evidence: the weekly reviews held in the window, the decisions accepted in it, and the week-8 review when it
     * was held on time.
     */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        LocalDate start = facts.engagement().startDate();
        Reading.Builder reading = Reading.builder();
        List<Review> weeklyReviews = facts.reviews().stream()
                .filter(r -> "WEEKLY_METRICS".equals(r.kind()) && window.contains(r.heldOn())).toList();
        weeklyReviews.forEach(r -> reading.evidence(r.eventId()));
        long due = 0;
        long held = 0;
        if (start != null) {
            Set<LocalDate> reviewed = new LinkedHashSet<>();
            weeklyReviews.forEach(r -> reviewed.add(Window.monday(r.heldOn())));
            // weeks due: every completed ISO week of the window since the start week; the current, unfinished week
            // counts only once its review is held, so that a Monday never shows a missed review
            LocalDate first = Window.monday(window.from() == null || window.from().isBefore(start) ? start
                    : window.from());
            LocalDate currentWeek = Window.monday(window.asOf());
            for (LocalDate monday = first; !monday.isAfter(currentWeek); monday = monday.plusWeeks(1)) {
                boolean complete = !monday.plusDays(6).isAfter(window.asOf());
                if (complete || reviewed.contains(monday)) {
                    due++;
                    held += reviewed.contains(monday) ? 1 : 0;
                }
            }
        }
        List<Decision> decisions = facts.decisions().stream().filter(d -> window.contains(d.acceptedAt())).toList();
        decisions.forEach(d -> reading.evidence(d.eventId()));
        Integer week8 = null;
        if (start != null) {
            // the week-8 review is on time when held by the end of engagement week 9 (day 63)
            LocalDate deadline = start.plusDays(62);
            Optional<Review> onTime = facts.reviews().stream().filter(r -> "WEEK_8_GOVERNANCE".equals(r.kind())
                    && !r.heldOn().isAfter(deadline) && !r.heldOn().isAfter(window.asOf())).findFirst();
            onTime.ifPresent(r -> reading.evidence(r.eventId()));
            if (onTime.isPresent()) {
                week8 = 1;
            } else if (window.asOf().isAfter(deadline)) {
                week8 = 0;
            }
        }
        return reading.value("weeksDue", due)
                .value("weeksReviewed", held)
                .value(ON_TIME_RATIO, round(Stats.ratio(held, due)))
                .value(WEEK_8_REVIEW_ON_TIME, week8)
                .value("decisions", decisions.size())
                .value(DECISIONS_PER_WEEK, round(decisions.size() / window.weeks()))
                .build();
    }

    /** The week-8 review is a once-per-engagement fact: the series shows the weekly cadence only. */
    @Override
    Map<String, Number> week(EngagementFacts facts, Window week) {
        return compute(facts, week).valuesWithout(WEEK_8_REVIEW_ON_TIME);
    }
}
