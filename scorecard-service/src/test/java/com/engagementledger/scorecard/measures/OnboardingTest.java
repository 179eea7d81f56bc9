package com.engagementledger.scorecard.measures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Onboarding phases reached: engineers on the engagement for 30 days or more who reached CONTRIBUTION or beyond /
 * engineers on it for 30 days or more, and how many are in each phase (0 OBSERVATION, 1 CONTRIBUTION,
 * 2 ACCOUNTABLE_OWNERSHIP). Today is 03-27.
 */
class OnboardingTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nobody on the engagement: no data",
                        engagement(), upTo("2026-03-27"),
                        "{engineers=0, observation=0, contribution=0, accountableOwnership=0, eligible=0, "
                                + "ratio=null}", "[]"),
                // joined 03-10: 17 days, still in the first month
                arguments("the first month is observation by design: nobody is expected to contribute yet",
                        engagement().engineer("e1", "2026-03-10", null, 0), upTo("2026-03-27"),
                        "{engineers=1, observation=1, contribution=0, accountableOwnership=0, eligible=0, "
                                + "ratio=null}", "[e1.joined]"),
                // both past 30 days, one contributing → 1 / 2
                arguments("past the first month, engineers who contribute count",
                        engagement().engineer("e1", "2026-02-01", null, 1).engineer("e2", "2026-02-01", null, 0),
                        upTo("2026-03-27"),
                        "{engineers=2, observation=1, contribution=1, accountableOwnership=0, eligible=2, "
                                + "ratio=0.5}", "[e1.joined, e1.phase, e2.joined]"),
                arguments("accountable ownership is beyond contribution: it counts",
                        engagement().engineer("e1", "2026-01-05", null, 2), upTo("2026-03-27"),
                        "{engineers=1, observation=0, contribution=0, accountableOwnership=1, eligible=1, "
                                + "ratio=1.0}", "[e1.joined, e1.phase]"),
                // 02-25 → 03-27 = 30 days
                arguments("30 days on the engagement is the end of the first month",
                        engagement().engineer("e1", "2026-02-25", null, 0), upTo("2026-03-27"),
                        "{engineers=1, observation=1, contribution=0, accountableOwnership=0, eligible=1, "
                                + "ratio=0.0}", "[e1.joined]"),
                arguments("an engineer who left is no longer on the engagement",
                        engagement().engineer("e1", "2026-01-05", "2026-03-06", 2), upTo("2026-03-27"),
                        "{engineers=0, observation=0, contribution=0, accountableOwnership=0, eligible=0, "
                                + "ratio=null}", "[]"),
                arguments("an engineer joining after the day is not on it yet",
                        engagement().engineer("e1", "2026-03-30", null, 0), upTo("2026-03-27"),
                        "{engineers=0, observation=0, contribution=0, accountableOwnership=0, eligible=0, "
                                + "ratio=null}", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onboarding(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new Onboarding(), facts, window, values, evidence);
    }

    @Test
    void phase_dates_are_not_kept_so_the_weekly_series_leaves_onboarding_out() {
        assertThat(new Onboarding().inWeeklySeries()).isFalse();
    }
}
