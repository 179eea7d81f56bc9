package com.engagementledger.notification.rules;

import com.engagementledger.notification.rules.QualityDrift.WeekRatio;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityDriftTest {
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
}
