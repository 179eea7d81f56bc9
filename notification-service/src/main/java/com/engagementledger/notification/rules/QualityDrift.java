package com.engagementledger.notification.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Quality drift, defined precisely: only completed ISO weeks count (the current week is ignored, so that its first
 * defect cannot read as 100 % leakage). Take the most recent completed week that has data for the measure and the
 * {@code weeks - 1} ISO weeks right before it. The measure drifts when every one of those consecutive weeks has
 * data and each week's ratio is strictly higher than the week before. A gap week (no data) breaks the run.
 */
public final class QualityDrift {
    private QualityDrift() {
    }

    /** One ISO week (its Monday) with a ratio's numerator and denominator. */
    public record WeekRatio(LocalDate weekStart, int numerator, int denominator) {
        boolean hasData() {
            return denominator > 0;
        }

        double ratio() {
            return (double) numerator / denominator;
        }
    }

    /** currentWeek: the Monday of the week in progress; it and later weeks are ignored. */
    public static boolean rising(List<WeekRatio> history, int weeks, LocalDate currentWeek) {
        TreeMap<LocalDate, WeekRatio> byWeek = completed(history, currentWeek);
        if (byWeek.isEmpty()) {
            return false;
        }
        LocalDate latest = byWeek.lastKey();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = weeks - 1; i >= 0; i--) {
            WeekRatio week = byWeek.get(latest.minusWeeks(i));
            if (week == null || week.ratio() <= previous) {
                return false;
            }
            previous = week.ratio();
        }
        return true;
    }

    /** A readable "10% → 20% → 30% → 40%" trail for the alert message. */
    public static String trail(List<WeekRatio> history, int weeks, LocalDate currentWeek) {
        Map<LocalDate, WeekRatio> byWeek = completed(history, currentWeek);
        Optional<LocalDate> latest = byWeek.keySet().stream().reduce((a, b) -> b);
        if (latest.isEmpty()) {
            return "";
        }
        StringBuilder trail = new StringBuilder();
        for (int i = weeks - 1; i >= 0; i--) {
            WeekRatio week = byWeek.get(latest.get().minusWeeks(i));
            if (week != null) {
                trail.append(trail.isEmpty() ? "" : " → ").append(Math.round(week.ratio() * 100)).append('%');
            }
        }
        return trail.toString();
    }

    private static TreeMap<LocalDate, WeekRatio> completed(List<WeekRatio> history, LocalDate currentWeek) {
        TreeMap<LocalDate, WeekRatio> byWeek = new TreeMap<>();
        history.stream().filter(WeekRatio::hasData).filter(w -> w.weekStart().isBefore(currentWeek))
                .forEach(w -> byWeek.put(w.weekStart(), w));
        return byWeek;
    }
}
