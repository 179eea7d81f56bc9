package com.engagementledger.scorecard.measures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.rollingFourWeeks;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.Facts.week;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Stakeholder satisfaction: the mean rating, and its trend: the mean of the last four ISO weeks minus the mean of the
 * four before. Today Friday 03-27 is in W13: the last four weeks are W10..W13 (03-02..03-27), the four before
 * W06..W09 (02-02..03-01).
 */
class StakeholderSatisfactionTest {

    /** 3 in W03, 4 in W07, 3 in W09, 5 in W10, 4 in W12. */
    private static Facts fiveRatings() {
        return engagement().rating("s1", 3, "2026-01-12").rating("s2", 4, "2026-02-10")
                .rating("s3", 3, "2026-02-24").rating("s4", 5, "2026-03-05").rating("s5", 4, "2026-03-20");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no ratings: no data",
                        engagement(), upTo("2026-03-27"), "{ratings=0, mean=null, trend=null}", "[]"),
                // mean (3 + 4 + 3 + 5 + 4) / 5 = 3.8; last four (5 + 4) / 2 = 4.5, four before (4 + 3) / 2 = 3.5;
                // trend 4.5 − 3.5 = +1.0
                arguments("the mean of all ratings and the four-week trend",
                        fiveRatings(), upTo("2026-03-27"), "{ratings=5, mean=3.8, trend=1.0}",
                        "[s1, s2, s3, s4, s5]"),
                // W10..W13: 5 and 4 → 4.5; the trend is the same comparison as of the same day
                arguments("over the rolling four weeks, the ratings given in them",
                        fiveRatings(), rollingFourWeeks("2026-03-27"), "{ratings=2, mean=4.5, trend=1.0}",
                        "[s4, s5]"),
                arguments("no trend without ratings in both spans of four weeks",
                        engagement().rating("s1", 5, "2026-03-05"), upTo("2026-03-27"),
                        "{ratings=1, mean=5.0, trend=null}", "[s1]"),
                // (3 + 4 + 4) / 3 = 3.66667 → 3.6667
                arguments("the mean is rounded to four decimals",
                        engagement().rating("s1", 3, "2026-03-05").rating("s2", 4, "2026-03-06")
                                .rating("s3", 4, "2026-03-09"), upTo("2026-03-27"),
                        "{ratings=3, mean=3.6667, trend=null}", "[s1, s2, s3]"),
                arguments("a rating given after today is not counted yet",
                        engagement().rating("s1", 1, "2026-03-28"), upTo("2026-03-27"),
                        "{ratings=0, mean=null, trend=null}", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stakeholder_satisfaction(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new StakeholderSatisfaction(), facts, window, values, evidence);
    }

    @Test
    void a_week_of_the_series_shows_the_mean_without_a_trend() {
        // W10 (03-02..03-08): s4 = 5
        assertThat(new StakeholderSatisfaction().week(fiveRatings().build(), week("2026-03-02", "2026-03-27")))
                .hasToString("{ratings=1, mean=5.0}");
    }
}
