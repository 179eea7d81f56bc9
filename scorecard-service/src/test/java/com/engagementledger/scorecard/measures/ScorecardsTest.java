package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Engagement;
import com.engagementledger.scorecard.measures.EngagementFacts.Reopen;
import com.engagementledger.scorecard.measures.EngagementFacts.Review;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;
import com.engagementledger.scorecard.measures.Scorecard.Factor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard as a pure function: facts and a day in, numbers and colours out. */
class ScorecardsTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 5); // a Monday, 2026-W02

    private static EngagementFacts facts(List<WorkItem> items, List<Reopen> reopens, List<Review> reviews) {
        return new EngagementFacts(new Engagement(new EngagementId("e"), "E", "C", "P", "DEDICATED_TEAM", START,
                "ACTIVE", new EventId("opened")),
                items, reopens, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), reviews,
                List.of(), List.of());
    }

    @Test
    void a_young_engagement_without_facts_has_no_delivery_numbers_but_undefined_ownership_is_red() {
        // day 10: nothing shipped yet, 10 days < 28 → speed GREEN; no delivery data → quality GREEN;
        // 0 of 12 areas owned is undefined work → control RED
        Scorecard card = Scorecards.scorecard(facts(List.of(), List.of(), List.of()), START.plusDays(10),
                Thresholds.defaults());
        assertThat(card.measures().get("cycle-time").current().get("medianDays")).isNull();
        assertThat(card.measures().get("defect-leakage").current().get("ratio")).isNull();
        assertThat(card.factors()).containsEntry(Factor.SPEED, Rag.GREEN).containsEntry(Factor.QUALITY, Rag.GREEN)
                .containsEntry(Factor.CONTROL, Rag.RED);
        assertThat(card.measures().get("ownership-coverage").current()).containsEntry("ratio", 0.0);
    }

    @Test
    void no_first_increment_after_30_days_turns_speed_amber_and_after_42_red() {
        EngagementFacts none = facts(List.of(), List.of(), List.of());
        assertThat(Scorecards.scorecard(none, START.plusDays(30), Thresholds.defaults()).factors()
                .get(Factor.SPEED)).isEqualTo(Rag.AMBER);
        assertThat(Scorecards.scorecard(none, START.plusDays(42), Thresholds.defaults()).factors()
                .get(Factor.SPEED)).isEqualTo(Rag.RED);
    }

    @Test
    void a_reopen_on_day_30_after_delivery_is_rework_and_on_day_31_is_not() {
        Instant delivered = Instant.parse("2026-01-10T12:00:00Z");
        List<WorkItem> items = List.of(
                new WorkItem(new WorkItemId("a"), Instant.parse("2026-01-06T12:00:00Z"), delivered, new EventId("s1"),
                        new EventId("d1")),
                new WorkItem(new WorkItemId("b"), Instant.parse("2026-01-06T12:00:00Z"), delivered, new EventId("s2"),
                        new EventId("d2")));
        List<Reopen> reopens = List.of(
                new Reopen(new EventId("r1"), new WorkItemId("a"), delivered, delivered.plusSeconds(30 * 86_400)),
                new Reopen(new EventId("r2"), new WorkItemId("b"), delivered, delivered.plusSeconds(31 * 86_400)));
        Scorecard card = Scorecards.scorecard(facts(items, reopens, List.of()), LocalDate.of(2026, 3, 1),
                Thresholds.defaults());
        // a counts, b does not → 1/2
        assertThat(card.measures().get("rework-rate").current()).containsEntry("reopened", 1L)
                .containsEntry("ratio", 0.5);
        assertThat(card.measures().get("rework-rate").evidence()).containsExactly("d1", "r1", "d2");
    }

    @Test
    void the_unfinished_current_week_is_due_only_once_its_review_is_held() {
        // today Wednesday 2026-01-14 (W03): W02 completed without review → 0 of 1 due
        EngagementFacts without = facts(List.of(), List.of(), List.of());
        assertThat(Scorecards.scorecard(without, LocalDate.of(2026, 1, 14), Thresholds.defaults())
                .measures().get("governance-cadence").current()).containsEntry("weeksDue", 1L)
                .containsEntry("weeksReviewed", 0L);
        // a review on Tuesday of W03 makes W03 due and reviewed → 1 of 2
        EngagementFacts with = facts(List.of(), List.of(),
                List.of(new Review("w", "WEEKLY_METRICS", LocalDate.of(2026, 1, 13), new EventId("ev"))));
        assertThat(Scorecards.scorecard(with, LocalDate.of(2026, 1, 14), Thresholds.defaults())
                .measures().get("governance-cadence").current()).containsEntry("weeksDue", 2L)
                .containsEntry("weeksReviewed", 1L).containsEntry("onTimeRatio", 0.5);
    }

    @Test
    void weekly_series_runs_from_the_start_week_to_the_current_week() {
        var weeks = Scorecards.weekly(facts(List.of(), List.of(), List.of()), LocalDate.of(2026, 1, 21),
                null, null);
        // W02, W03, W04
        assertThat(weeks).extracting(Scorecard.Week::week).containsExactly("2026-W02", "2026-W03", "2026-W04");
    }

    @Test
    void weekly_rows_show_every_measure_whose_past_is_kept_with_its_weekly_values() {
        var week = Scorecards.weekly(facts(List.of(), List.of(), List.of()), LocalDate.of(2026, 1, 21), null, null)
                .get(0);
        // onboarding keeps no phase dates; a week has no satisfaction trend and no week-8 review of its own
        assertThat(week.measures().keySet()).containsExactly("cycle-time", "release-predictability",
                "defect-leakage", "rework-rate", "incident-trend", "stakeholder-satisfaction", "time-to-first-delivery",
                "retention", "ownership-coverage", "governance-cadence", "knowledge-transfer");
        assertThat(week.measures().get("stakeholder-satisfaction")).containsOnlyKeys("ratings", "mean");
        assertThat(week.measures().get("governance-cadence")).doesNotContainKey("week8ReviewOnTime");
    }
}
