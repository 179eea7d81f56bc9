package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class OverlapWindowTest {
    private final OverlapWindow berlinMorning =
            new OverlapWindow(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(13, 0));

    @Test
    void three_am_client_time_is_outside_the_window() {
        // 2026-09-10T01:00Z is 03:00 in Berlin (CEST, UTC+2)
        assertThat(berlinMorning.contains(Instant.parse("2026-09-10T01:00:00Z"))).isFalse();
        // 08:30Z is 10:30 in Berlin
        assertThat(berlinMorning.contains(Instant.parse("2026-09-10T08:30:00Z"))).isTrue();
    }

    @Test
    void a_window_that_runs_past_midnight_contains_the_small_hours() {
        OverlapWindow night = new OverlapWindow(ZoneId.of("UTC"), LocalTime.of(22, 0), LocalTime.of(2, 0));
        assertThat(night.contains(Instant.parse("2026-09-10T01:00:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-09-10T12:00:00Z"))).isFalse();
    }

    @Test
    void sev4_target_is_the_end_of_the_next_overlap_window() {
        // detected 03:00 Berlin; the next window ends 13:00 Berlin the same day: 10 h = 600 min
        assertThat(berlinMorning.acknowledgeTargetMinutes(Severity.SEV4, Instant.parse("2026-09-10T01:00:00Z")))
                .isEqualTo(600);
        // detected 10:30 Berlin, inside the window: it ends at 13:00, 150 min later
        assertThat(berlinMorning.acknowledgeTargetMinutes(Severity.SEV4, Instant.parse("2026-09-10T08:30:00Z")))
                .isEqualTo(150);
        assertThat(berlinMorning.acknowledgeTargetMinutes(Severity.SEV1, Instant.EPOCH)).isEqualTo(15);
        assertThat(berlinMorning.acknowledgeTargetMinutes(Severity.SEV3, Instant.EPOCH)).isEqualTo(240);
    }
}
