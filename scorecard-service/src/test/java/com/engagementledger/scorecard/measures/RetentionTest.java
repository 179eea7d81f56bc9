package com.engagementledger.scorecard.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.Facts.week;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Retention: engineers who joined in the 12 months up to the day and are still on / engineers who joined. */
class RetentionTest {

    /** E1..E5 joined between January and March; E4 left on Friday 03-06; E5 joined on Monday 03-09. */
    private static Facts fiveEngineers() {
        return engagement().engineer("e1", "2026-01-05", null, 2).engineer("e2", "2026-01-19", null, 1)
                .engineer("e3", "2026-02-02", null, 1).engineer("e4", "2026-02-09", "2026-03-06", 0)
                .engineer("e5", "2026-03-09", null, 0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nobody joined: no data",
                        engagement(), upTo("2026-03-27"), "{joined=0, stillOn=0, ratio=null}", "[]"),
                // 5 joined, E4 left → 4 / 5 = 0.8
                arguments("four of five still on",
                        fiveEngineers(), upTo("2026-03-27"), "{joined=5, stillOn=4, ratio=0.8}",
                        "[e1.joined, e2.joined, e3.joined, e4.joined, e4.left, e5.joined]"),
                // W10 as of Sunday 03-08: E1..E4 joined (E5 not yet), E4 left → 3 / 4 = 0.75
                arguments("a week of the series: as of its last day",
                        fiveEngineers(), week("2026-03-02", "2026-03-27"), "{joined=4, stillOn=3, ratio=0.75}",
                        "[e1.joined, e2.joined, e3.joined, e4.joined, e4.left]"),
                arguments("leaving after the day: still on that day",
                        engagement().engineer("e1", "2026-01-05", "2026-04-01", 1), upTo("2026-03-27"),
                        "{joined=1, stillOn=1, ratio=1.0}", "[e1.joined]"),
                arguments("leaving on the day itself: gone",
                        engagement().engineer("e1", "2026-01-05", "2026-03-27", 1), upTo("2026-03-27"),
                        "{joined=1, stillOn=0, ratio=0.0}", "[e1.joined, e1.left]"),
                // 12 months up to 2026-03-27 begin after 2025-03-27
                arguments("only engineers who joined in the 12 months up to the day",
                        engagement().engineer("e1", "2025-03-27", null, 2).engineer("e2", "2025-03-28", null, 2),
                        upTo("2026-03-27"), "{joined=1, stillOn=1, ratio=1.0}", "[e2.joined]"),
                arguments("an engineer joining after the day is not counted yet",
                        engagement().engineer("e1", "2026-03-30", null, 0), upTo("2026-03-27"),
                        "{joined=0, stillOn=0, ratio=null}", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void retention(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new Retention(), facts, window, values, evidence);
    }
}
