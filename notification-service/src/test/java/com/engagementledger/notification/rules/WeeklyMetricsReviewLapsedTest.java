package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.notification.schedule.Deadlines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.engagementledger.notification.rules.RuleNames.WEEKLY_METRICS_LAPSED;
import static org.assertj.core.api.Assertions.assertThat;

class WeeklyMetricsReviewLapsedTest extends RuleScenario {
    @Autowired
    Deadlines deadlines;

    @Test
    void weekly_metrics_review_lapsed_after_14_days_clears_when_held_and_lapses_again() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(15));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "OPEN");

        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEKLY_METRICS, today(), List.of("lead-1"),
                List.of("metrics reviewed")));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "RESOLVED");

        // the next review is due 14 days after the one just held
        clock.advance(Duration.ofDays(15));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "OPEN");
        assertThat(alertCount(engagement, WEEKLY_METRICS_LAPSED)).isEqualTo(2);
    }

    @Test
    void an_older_review_recorded_late_does_not_pull_the_next_deadline_back() {
        LocalDate start = today();
        String engagement = openEngagement(start);
        var condition = WeeklyMetricsReviewLapsed.condition(new EngagementId(engagement));
        assertThat(deadlines.pendingDueAt(condition)).contains(midnight(start.plusDays(14)));

        awaitApplied(review(engagement, start.plusDays(3)));
        assertThat(deadlines.pendingDueAt(condition)).contains(midnight(start.plusDays(3 + 14)));

        awaitApplied(review(engagement, start.plusDays(1))); // held before the one above, recorded after it
        assertThat(deadlines.pendingDueAt(condition)).contains(midnight(start.plusDays(3 + 14)));
    }

    private String review(String engagement, LocalDate heldOn) {
        return publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEKLY_METRICS, heldOn,
                List.of("lead-1"), List.of("metrics reviewed")));
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
