package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.Rag.Band;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsAndRagTest {
    @Test
    void median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        // 2,3,4,5,7,10 → (4+5)/2
        assertThat(Stats.median(List.of(10.0, 2.0, 7.0, 3.0, 5.0, 4.0))).isEqualTo(4.5);
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of())).isNull();
    }

    @Test
    void p85_is_the_nearest_rank() {
        // 10 values: rank ceil(8.5) = 9 → 9th smallest
        assertThat(Stats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 85)).isEqualTo(9.0);
        // 2 values: rank ceil(1.7) = 2
        assertThat(Stats.percentile(List.of(4.0, 5.0), 85)).isEqualTo(5.0);
        assertThat(Stats.percentile(List.of(4.0), 85)).isEqualTo(4.0);
    }

    @Test
    void ratio_of_nothing_is_no_data_not_zero() {
        assertThat(Stats.ratio(0, 0)).isNull();
        assertThat(Stats.round(Stats.ratio(1, 3))).isEqualTo(0.3333);
    }

    @Test
    void time_to_first_delivery_under_28_days_is_green() {
        Band band = Thresholds.defaults().timeToFirstDeliveryDays();
        assertThat(Rag.lowerIsBetter(27.0, band)).isEqualTo(Rag.GREEN);
        assertThat(Rag.lowerIsBetter(28.0, band)).isEqualTo(Rag.AMBER);
        assertThat(Rag.lowerIsBetter(42.0, band)).isEqualTo(Rag.RED);
    }

    @Test
    void retention_at_or_above_90_percent_is_green() {
        Band band = Thresholds.defaults().retention();
        assertThat(Rag.higherIsBetter(0.9, band)).isEqualTo(Rag.GREEN);
        assertThat(Rag.higherIsBetter(0.8, band)).isEqualTo(Rag.AMBER);
        assertThat(Rag.higherIsBetter(0.7, band)).isEqualTo(Rag.RED);
    }

    @Test
    void a_factor_is_its_worst_measured_colour_and_green_without_data() {
        assertThat(Rag.worst(Rag.GREEN, null, Rag.AMBER)).isEqualTo(Rag.AMBER);
        assertThat(Rag.worst(Rag.RED, Rag.GREEN)).isEqualTo(Rag.RED);
        assertThat(Rag.worst(null, null)).isEqualTo(Rag.GREEN);
    }
}
