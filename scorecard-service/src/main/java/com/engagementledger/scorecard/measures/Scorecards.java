package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;
import com.engagementledger.scorecard.measures.Scorecard.Week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Composes the measures into an engagement's scorecard and its weekly series: pure functions of the facts, "today"
 * and the thresholds. The exact definitions are in the service README; each measure's {@code definition} repeats
 * them for API users.
 */
public final class Scorecards {
    /** Every measure, in the order the API lists them. */
    static final List<Measure> MEASURES = List.of(new CycleTime(), new ReleasePredictability(), new DefectLeakage(),
            new ReworkRate(), new IncidentTrend(), new StakeholderSatisfaction(), new TimeToFirstDelivery(),
            new Retention(), new OwnershipCoverage(), new GovernanceCadence(), new Onboarding(),
            new KnowledgeTransfer());

    private Scorecards() {
    }

    /** The names of the measures, as the API uses them. */
    public static List<String> names() {
        return MEASURES.stream().map(Measure::name).toList();
    }

    /** Every measure now (everything up to today) and over the rolling four ISO weeks, and the five factors. */
    public static Scorecard scorecard(EngagementFacts facts, LocalDate today, Thresholds thresholds) {
        LocalDate start = facts.engagement().startDate();
        Window current = Window.upTo(today, start);
        Window rolling = Window.rollingFourWeeks(today, start);
        Map<String, Reading> now = new LinkedHashMap<>();
        Map<String, Scorecard.MeasureValues> measures = new LinkedHashMap<>();
        for (Measure measure : MEASURES) {
            Reading reading = measure.compute(facts, current);
            now.put(measure.name(), reading);
            measures.put(measure.name(), new Scorecard.MeasureValues(measure.name(), measure.definition(),
                    reading.values(), measure.compute(facts, rolling).values(),
                    reading.evidence().stream().map(EventId::value).toList()));
        }
        var e = facts.engagement();
        return new Scorecard(e.id().value(), e.name(), e.clientName(), e.partnerName(), e.model(), e.status(), start,
                today, Window.isoWeek(today), FiveFactors.colours(now, thresholds), measures);
    }

    /** One row per ISO week from the engagement's start week (or first fact) up to today's week, within [from, to]. */
    public static List<Week> weekly(EngagementFacts facts, LocalDate today, LocalDate from, LocalDate to) {
        LocalDate start = facts.engagement().startDate();
        LocalDate first = start != null ? start : firstFactDay(facts);
        if (first == null) {
            return List.of();
        }
        LocalDate monday = Window.monday(first);
        LocalDate lastMonday = Window.monday(today);
        if (from != null && Window.monday(from).isAfter(monday)) {
            monday = Window.monday(from);
        }
        if (to != null && Window.monday(to).isBefore(lastMonday)) {
            lastMonday = Window.monday(to);
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate m = monday; !m.isAfter(lastMonday); m = m.plusWeeks(1)) {
            Window week = Window.week(m, today);
            Map<String, Map<String, Number>> values = new LinkedHashMap<>();
            for (Measure measure : MEASURES) {
                if (measure.inWeeklySeries()) {
                    values.put(measure.name(), measure.week(facts, week));
                }
            }
            weeks.add(new Week(Window.isoWeek(m), m, values));
        }
        return weeks;
    }

    private static LocalDate firstFactDay(EngagementFacts facts) {
        return facts.workItems().stream().map(WorkItem::deliveredAt).filter(Objects::nonNull).map(Window::day)
                .min(Comparator.naturalOrder()).orElse(null);
    }
}
