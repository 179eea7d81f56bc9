package com.engagementledger.scorecard.measures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.engagementStarting;
import static com.engagementledger.scorecard.measures.Facts.rollingFourWeeks;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.Facts.week;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Governance cadence: ISO weeks with a WEEKLY_METRICS review / weeks due, the week-8 review held by day 63, and
 * decisions accepted per week. The engagement starts Monday 01-05 (W02); day 63 is Sunday 03-08, the end of W10.
 */
class GovernanceCadenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Wednesday of the first week: W02 is not finished and has no review yet; 0 decisions / 1 week
                arguments("in the first, unfinished week nothing is due yet",
                        engagement(), upTo("2026-01-07"),
                        "{weeksDue=0, weeksReviewed=0, onTimeRatio=null, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                // Wednesday of W03: W02 finished without a review → 0 of 1
                arguments("a finished week without a review is due and missed",
                        engagement(), upTo("2026-01-14"),
                        "{weeksDue=1, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                // the review on Tuesday of W03 makes W03 due and reviewed → 1 of 2
                arguments("the unfinished current week is due once its review is held",
                        engagement().review("rv1", "WEEKLY_METRICS", "2026-01-13"), upTo("2026-01-14"),
                        "{weeksDue=2, weeksReviewed=1, onTimeRatio=0.5, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[rv1]"),
                // both in W02 → W02 reviewed, 1 of 1
                arguments("two reviews in one week make one reviewed week",
                        engagement().review("rv1", "WEEKLY_METRICS", "2026-01-06")
                                .review("rv2", "WEEKLY_METRICS", "2026-01-08"), upTo("2026-01-14"),
                        "{weeksDue=1, weeksReviewed=1, onTimeRatio=1.0, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[rv1, rv2]"),
                arguments("a monthly standards review is not a weekly metrics review",
                        engagement().review("rv1", "MONTHLY_STANDARDS", "2026-01-06"), upTo("2026-01-14"),
                        "{weeksDue=1, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                // 02-24 is day 51; W02..W12 finished = 11 weeks due, none reviewed
                arguments("the week-8 review held by day 63 is on time",
                        engagement().review("w8", "WEEK_8_GOVERNANCE", "2026-02-24"), upTo("2026-03-27"),
                        "{weeksDue=11, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=1, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[w8]"),
                // 03-09 is day 64
                arguments("the week-8 review held after day 63 is late",
                        engagement().review("w8", "WEEK_8_GOVERNANCE", "2026-03-09"), upTo("2026-03-27"),
                        "{weeksDue=11, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=0, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                // on day 63 itself (Sunday, W10 finished: W02..W10 = 9 due) the review may still come
                arguments("no week-8 review by day 63 itself is no data yet",
                        engagement(), upTo("2026-03-08"),
                        "{weeksDue=9, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=null, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                arguments("no week-8 review after day 63 is late",
                        engagement(), upTo("2026-03-09"),
                        "{weeksDue=9, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=0, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[]"),
                // 6 decisions over W02..W13 = 12 weeks → 0.5 per week
                arguments("decisions accepted per week since the start week",
                        engagement().decision("dc1", "2026-01-07T10:00").decision("dc2", "2026-01-21T10:00")
                                .decision("dc3", "2026-02-04T10:00").decision("dc4", "2026-02-18T10:00")
                                .decision("dc5", "2026-03-04T10:00").decision("dc6", "2026-03-18T10:00"),
                        upTo("2026-03-27"),
                        "{weeksDue=11, weeksReviewed=0, onTimeRatio=0.0, week8ReviewOnTime=0, decisions=6, "
                                + "decisionsPerWeek=0.5}", "[dc1, dc2, dc3, dc4, dc5, dc6]"),
                // W10..W13: W10, W11, W12 finished and reviewed, W13 unfinished → 3 of 3 (W07's review is outside)
                arguments("over the rolling four weeks, the weeks due in them",
                        engagement().review("rv7", "WEEKLY_METRICS", "2026-02-10")
                                .review("rv10", "WEEKLY_METRICS", "2026-03-03")
                                .review("rv11", "WEEKLY_METRICS", "2026-03-10")
                                .review("rv12", "WEEKLY_METRICS", "2026-03-17"), rollingFourWeeks("2026-03-27"),
                        "{weeksDue=3, weeksReviewed=3, onTimeRatio=1.0, week8ReviewOnTime=0, decisions=0, "
                                + "decisionsPerWeek=0.0}", "[rv10, rv11, rv12]"),
                // no start: no week is due, no week-8 deadline; 1 decision in the one week of the window
                arguments("without a start date no review is due",
                        engagementStarting(null).review("rv1", "WEEKLY_METRICS", "2026-01-13")
                                .decision("dc1", "2026-01-13T10:00"), Window.upTo(LocalDate.of(2026, 1, 14), null),
                        "{weeksDue=0, weeksReviewed=0, onTimeRatio=null, week8ReviewOnTime=null, decisions=1, "
                                + "decisionsPerWeek=1.0}", "[rv1, dc1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void governance_cadence(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new GovernanceCadence(), facts, window, values, evidence);
    }

    @Test
    void a_week_of_the_series_shows_the_weekly_cadence_without_the_week_8_review() {
        // W03 cut at Wednesday 01-14: reviewed on Tuesday → 1 of 1
        assertThat(new GovernanceCadence().week(engagement().review("rv1", "WEEKLY_METRICS", "2026-01-13").build(),
                week("2026-01-12", "2026-01-14")))
                .hasToString("{weeksDue=1, weeksReviewed=1, onTimeRatio=1.0, decisions=0, decisionsPerWeek=0.0}");
    }
}
