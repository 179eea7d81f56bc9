package com.engagementledger.notification.rules;

import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.notification.rules.QualityDrift.WeekRatio;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static com.engagementledger.notification.rules.RuleNames.QUALITY_DRIFT;
import static org.assertj.core.api.Assertions.assertThat;

/** The drift computation on weekly ratios, then the rule on scripted histories. */
class QualityDriftTest extends RuleScenario {
    private static final LocalDate W1 = LocalDate.of(2026, 1, 5); // a Monday
    private static final LocalDate NOW = W1.plusWeeks(10);

    @Test
    void four_consecutive_strictly_rising_weeks_drift() {
        // 1/10, 2/10, 3/10, 4/10
        assertThat(QualityDrift.rising(List.of(w(0, 1, 10), w(1, 2, 10), w(2, 3, 10), w(3, 4, 10)), 4, NOW)).isTrue();
    }

    @Test
    void a_flat_week_breaks_the_drift() {
        assertThat(QualityDrift.rising(List.of(w(0, 1, 10), w(1, 2, 10), w(2, 2, 10), w(3, 4, 10)), 4, NOW)).isFalse();
    }

    @Test
    void a_week_without_data_breaks_the_drift() {
        assertThat(QualityDrift.rising(List.of(w(0, 1, 10), w(1, 2, 10), w(3, 3, 10), w(4, 4, 10)), 4, NOW)).isFalse();
    }

    @Test
    void only_the_latest_four_weeks_count() {
        // an old high week before a rising run does not matter
        assertThat(QualityDrift.rising(List.of(w(0, 9, 10), w(1, 1, 10), w(2, 2, 10), w(3, 3, 10), w(4, 4, 10)), 4, NOW))
                .isTrue();
    }

    @Test
    void three_weeks_are_not_enough() {
        assertThat(QualityDrift.rising(List.of(w(0, 1, 10), w(1, 2, 10), w(2, 3, 10)), 4, NOW)).isFalse();
    }

    @Test
    void the_current_unfinished_week_is_ignored() {
        // weeks 0-2 rise, week 3 is in progress with one production defect out of one (100 %): not yet drift
        List<WeekRatio> history = List.of(w(0, 1, 10), w(1, 2, 10), w(2, 3, 10), w(3, 1, 1));
        assertThat(QualityDrift.rising(history, 4, W1.plusWeeks(3))).isFalse();
        assertThat(QualityDrift.rising(history, 4, W1.plusWeeks(4))).isTrue();
    }

    private static WeekRatio w(int week, int numerator, int denominator) {
        return new WeekRatio(W1.plusWeeks(week), numerator, denominator);
    }

    @Test
    void quality_drift_when_defect_leakage_rises_four_weeks_running_and_clears_when_it_falls() {
        String engagement = openEngagement(today().minusWeeks(6));
        LocalDate thisMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // leakage per ISO week, oldest first: 1/4 = 25%, 2/4 = 50%, 3/4 = 75%, 4/4 = 100%
        for (int week = 0; week < 4; week++) {
            Instant at = thisMonday.minusWeeks(4 - week).atTime(10, 0).toInstant(ZoneOffset.UTC);
            for (int d = 0; d < 4; d++) {
                publish(new DefectFound(engagement, newId(), d <= week ? DefectStage.PRODUCTION
                        : DefectStage.BEFORE_RELEASE, Severity.SEV3, at, null, null, "defect"));
            }
        }
        var alert = awaitAlert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN");
        assertThat(alert.message()).contains("25% → 50% → 75% → 100%");

        // this week: 0 of 2 in production = 0%; it counts once the week is over, with the next quality event
        Instant now = clock.instant();
        publish(new DefectFound(engagement, newId(), DefectStage.BEFORE_RELEASE, Severity.SEV4, now, null, null, "a"));
        awaitApplied(publish(new DefectFound(engagement, newId(), DefectStage.BEFORE_RELEASE, Severity.SEV4, now,
                null, null, "b")));
        assertThat(alert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN")).isPresent();
        clock.advance(Duration.ofDays(7));
        // the last four completed weeks are now 50, 75, 100, 0: no longer rising
        publish(new DefectFound(engagement, newId(), DefectStage.PRODUCTION, Severity.SEV4, clock.instant(), null,
                null, "c"));
        awaitAlert(engagement, QUALITY_DRIFT, "defect-leakage", "RESOLVED");
    }

    @Test
    void quality_drift_when_rework_rate_rises_four_weeks_running() {
        String engagement = openEngagement(today().minusWeeks(6));
        LocalDate thisMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // per completed ISO week 5 items delivered; reopened within 30 days: 0, 1, 2, 3 → 0%, 20%, 40%, 60%
        for (int week = 0; week < 4; week++) {
            Instant delivered = thisMonday.minusWeeks(4 - week).atTime(8, 0).toInstant(ZoneOffset.UTC);
            List<String> items = new ArrayList<>();
            for (int item = 0; item < 5; item++) {
                items.add(newId());
                publish(new WorkItemDelivered(engagement, items.get(item), delivered.minus(Duration.ofDays(2)),
                        delivered));
            }
            for (int item = 0; item < week; item++) {
                publish(new WorkItemReopened(engagement, items.get(item), delivered, delivered.plus(Duration.ofDays(3)),
                        "bug"));
            }
        }
        var alert = awaitAlert(engagement, QUALITY_DRIFT, "rework-rate", "OPEN");
        assertThat(alert.message()).contains("0% → 20% → 40% → 60%");
        assertThat(alert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN")).isEmpty();
    }

    @Test
    void a_reopen_after_the_rework_window_is_not_rework() {
        String engagement = openEngagement(today().minusWeeks(3));
        Instant delivered = today().minusWeeks(2).atTime(8, 0).toInstant(ZoneOffset.UTC);
        String late = newId();
        String early = newId();
        publish(new WorkItemDelivered(engagement, late, delivered.minus(Duration.ofDays(1)), delivered));
        publish(new WorkItemDelivered(engagement, early, delivered.minus(Duration.ofDays(1)), delivered));
        // 31 days after delivery: outside the 30-day window; then one inside it, on the same partition
        publish(new WorkItemReopened(engagement, late, delivered, delivered.plus(Duration.ofDays(31)), "old bug"));
        awaitApplied(publish(new WorkItemReopened(engagement, early, delivered, delivered.plus(Duration.ofDays(2)),
                "bug")));
        assertThat(jdbc.sql("select sum(delivered_items), sum(reopened_items) from quality_week where engagement_id = ?")
                .params(engagement).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                .containsExactly(2, 1);
    }
}
