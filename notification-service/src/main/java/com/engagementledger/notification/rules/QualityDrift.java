package com.engagementledger.notification.rules;

import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@value RuleNames#QUALITY_DRIFT}, subject {@value #LEAKAGE} or {@value #REWORK}.
 * <ul>
 * <li>reacts to: DefectFound, WorkItemDelivered, WorkItemReopened (within {@code quality-drift.rework-window})</li>
 * <li>keeps: per ISO week, defects found (production ones apart), items delivered and reopened</li>
 * <li>raises (WARNING): when a measure rose strictly over the last {@code quality-drift.weeks} (4) completed weeks,
 * evaluated whenever a defect, delivery or reopen arrives</li>
 * <li>resolves: when those weeks no longer rise strictly</li>
 * </ul>
 * Precisely: only completed ISO weeks count (the current week is ignored, so that its first defect cannot read as
 * 100 % leakage). Take the most recent completed week that has data for the measure and the {@code weeks - 1} ISO
 * weeks right before it. The measure drifts when every one of those consecutive weeks has data and each week's ratio
 * is strictly higher than the week before. A gap week (no data) breaks the run.
 */
@Component
class QualityDrift implements GovernanceRule {
    static final String LEAKAGE = "defect-leakage";
    static final String REWORK = "rework-rate";

    private final int weeks;
    private final Duration reworkWindow;
    private final Engagements engagements;
    private final QualityWeeks qualityWeeks;
    private final Alerts alerts;
    private final Clock clock;

    QualityDrift(RulesProperties props, Engagements engagements, QualityWeeks qualityWeeks, Alerts alerts,
                 Clock clock) {
        this.weeks = props.qualityDrift().weeks();
        this.reworkWindow = props.qualityDrift().reworkWindow();
        this.engagements = engagements;
        this.qualityWeeks = qualityWeeks;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return RuleNames.QUALITY_DRIFT;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(DefectFound.class, this::defectFound)
                .on(WorkItemDelivered.class, this::delivered)
                .on(WorkItemReopened.class, this::reopened);
    }

    private void defectFound(DefectFound e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        qualityWeeks.recordDefect(engagement, engagements.weekOf(engagement, e.foundAt()), e.stage());
        evaluate(engagement, LEAKAGE, "defect leakage", qualityWeeks.leakage(engagement), cause);
    }

    private void delivered(WorkItemDelivered e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        qualityWeeks.recordDelivered(engagement, engagements.weekOf(engagement, e.deliveredAt()));
        evaluate(engagement, REWORK, "rework rate", qualityWeeks.rework(engagement), cause);
    }

    private void reopened(WorkItemReopened e, EventId cause) {
        if (Duration.between(e.deliveredAt(), e.reopenedAt()).compareTo(reworkWindow) > 0) {
            return;
        }
        EngagementId engagement = EngagementId.of(e);
        qualityWeeks.recordReopened(engagement, engagements.weekOf(engagement, e.deliveredAt()));
        evaluate(engagement, REWORK, "rework rate", qualityWeeks.rework(engagement), cause);
    }

    private void evaluate(EngagementId engagement, String measure, String measureName, List<WeekRatio> history,
                          EventId cause) {
        AlertCondition condition = new AlertCondition(RuleNames.QUALITY_DRIFT, engagement.value(), measure);
        LocalDate currentWeek = engagements.weekOf(engagement, clock.instant());
        if (rising(history, weeks, currentWeek)) {
            alerts.open(condition, AlertSeverity.WARNING, "Quality drift: " + measureName + " rose in each of the last "
                    + weeks + " completed ISO weeks (" + trail(history, weeks, currentWeek) + ")", cause.asCauses());
        } else {
            alerts.clear(condition, cause.value(), measureName + " no longer rising over " + weeks + " weeks");
        }
    }

    /** One ISO week (its Monday) with a ratio's numerator and denominator. */
    record WeekRatio(LocalDate weekStart, int numerator, int denominator) {
        boolean hasData() {
            return denominator > 0;
        }

        double ratio() {
            return (double) numerator / denominator;
        }
    }

    /** currentWeek: the Monday of the week in progress; it and later weeks are ignored. */
    static boolean rising(List<WeekRatio> history, int weeks, LocalDate currentWeek) {
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
    static String trail(List<WeekRatio> history, int weeks, LocalDate currentWeek) {
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
