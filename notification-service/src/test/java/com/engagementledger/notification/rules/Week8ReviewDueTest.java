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

class Week8ReviewDueTest extends RuleScenario {
    @Autowired
    Deadlines deadlines;
    @Autowired
    Week8ReviewDue rule;

    @Test
    void week8_review_due_in_week_7_and_resolved_when_held() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(43)); // day 43: week 7
        awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "OPEN");
        awaitDeadlinesDueNowFired();
        assertThat(alert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN")).isEmpty();

        String held = publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEK_8_GOVERNANCE, today(),
                List.of("lead-1", "pm-2"), List.of("ownership gaps closed")));
        assertThat(awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "RESOLVED").causes()).contains(held);
    }

    /** Days count from the start date at 00:00 in the client's time zone; 2040-01-02 + 42 days = 2040-02-13. */
    @ParameterizedTest(name = "start 2040-01-02 in {0}: due at {1}")
    @CsvSource({
            "UTC,              2040-02-13T00:00:00Z",
            "Asia/Kolkata,     2040-02-12T18:30:00Z", // UTC+05:30
            "Pacific/Auckland, 2040-02-12T11:00:00Z", // UTC+13 (daylight saving time)
    })
    void the_review_is_due_42_days_after_the_start_in_the_clients_time_zone(String zone, Instant due) {
        String engagement = openEngagement(LocalDate.of(2040, 1, 2), zone);
        assertThat(deadlines.pendingDueAt(rule.condition(new EngagementId(engagement)))).contains(due);
    }
}
