package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.notification.schedule.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.engagementledger.notification.rules.RuleNames.WEEK8_REVIEW_DUE;
import static com.engagementledger.notification.rules.RuleNames.WEEK8_REVIEW_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

class Week8ReviewOverdueTest extends RuleScenario {
    @Autowired
    Deadlines deadlines;
    @Autowired
    Week8ReviewOverdue rule;

    @Test
    void week8_review_overdue_after_week_9_and_both_week8_alerts_resolved_when_held() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(64)); // day 64: week 9 is over
        var overdue = awaitAlert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN");
        assertThat(overdue.severity()).isEqualTo("CRITICAL");
        assertThat(awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "OPEN").severity()).isEqualTo("INFO");

        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEK_8_GOVERNANCE, today(),
                List.of("lead-1", "pm-2"), List.of("ownership gaps closed")));
        awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "RESOLVED");
        awaitAlert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "RESOLVED");
    }

    @Test
    void another_kind_of_review_does_not_resolve_it() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(64));
        awaitAlert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN");
        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.MONTHLY_STANDARDS, today(),
                List.of("lead-1"), List.of("standards")));
        // marker: a later WEEKLY_METRICS review of the same engagement resolves its lapsed-metrics alert
        awaitAlert(engagement, RuleNames.WEEKLY_METRICS_LAPSED, "weekly-metrics", "OPEN");
        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEKLY_METRICS, today(), List.of("lead-1"),
                List.of("metrics")));
        awaitAlert(engagement, RuleNames.WEEKLY_METRICS_LAPSED, "weekly-metrics", "RESOLVED");
        assertThat(alert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN")).isPresent();
    }

    /** 2040-01-02 + 63 days = 2040-03-05 (2040 is a leap year: Jan 2 + 42 = Feb 13, + 21 = Mar 5). */
    @ParameterizedTest(name = "start 2040-01-02 in {0}: overdue at {1}")
    @CsvSource({
            "UTC,              2040-03-05T00:00:00Z",
            "Asia/Kolkata,     2040-03-04T18:30:00Z", // UTC+05:30
            "Pacific/Auckland, 2040-03-04T11:00:00Z", // UTC+13 until April
    })
    void the_review_is_overdue_63_days_after_the_start_in_the_clients_time_zone(String zone, Instant overdue) {
        String engagement = openEngagement(LocalDate.of(2040, 1, 2), zone);
        assertThat(deadlines.pendingDueAt(rule.condition(new EngagementId(engagement)))).contains(overdue);
    }
}
