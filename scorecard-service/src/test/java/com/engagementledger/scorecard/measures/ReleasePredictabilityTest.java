package com.engagementledger.scorecard.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.rollingFourWeeks;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Release predictability: releases shipped no later than one day after the planned date / releases shipped. */
class ReleasePredictabilityTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("a plan not shipped yet is not counted: no data",
                        engagement().release("r1", "2026-02-02", null),
                        upTo("2026-03-27"), "{shipped=0, onTime=0, ratio=null}", "[]"),
                arguments("shipped on the planned day is on time",
                        engagement().release("r1", "2026-02-02", "2026-02-02"),
                        upTo("2026-03-27"), "{shipped=1, onTime=1, ratio=1.0}", "[r1.planned, r1.shipped]"),
                arguments("shipped one day after the plan is still on time",
                        engagement().release("r1", "2026-02-02", "2026-02-03"),
                        upTo("2026-03-27"), "{shipped=1, onTime=1, ratio=1.0}", "[r1.planned, r1.shipped]"),
                arguments("shipped two days after the plan is late",
                        engagement().release("r1", "2026-02-02", "2026-02-04"),
                        upTo("2026-03-27"), "{shipped=1, onTime=0, ratio=0.0}", "[r1.planned, r1.shipped]"),
                arguments("shipped before the plan is on time",
                        engagement().release("r1", "2026-02-10", "2026-02-05"),
                        upTo("2026-03-27"), "{shipped=1, onTime=1, ratio=1.0}", "[r1.planned, r1.shipped]"),
                // on the day, 1 day late, 4 days late, early: 3 of 4 on time = 0.75
                arguments("three of four on time",
                        engagement().release("r1", "2026-01-30", "2026-01-30")
                                .release("r2", "2026-02-13", "2026-02-14")
                                .release("r3", "2026-02-27", "2026-03-03")
                                .release("r4", "2026-03-13", "2026-03-12"),
                        upTo("2026-03-27"), "{shipped=4, onTime=3, ratio=0.75}",
                        "[r1.planned, r1.shipped, r2.planned, r2.shipped, r3.planned, r3.shipped, r4.planned, "
                                + "r4.shipped]"),
                arguments("a release shipped without a plan has nothing to be predictable against",
                        engagement().release("r1", null, "2026-02-02"),
                        upTo("2026-03-27"), "{shipped=0, onTime=0, ratio=null}", "[]"),
                arguments("a release shipped after today is not counted yet",
                        engagement().release("r1", "2026-03-27", "2026-03-28"),
                        upTo("2026-03-27"), "{shipped=0, onTime=0, ratio=null}", "[]"),
                // window W10..W13 opens Monday 03-02: r1 shipped 02-27 is outside, r2 shipped 03-02 is in, 2 days late
                arguments("over the rolling four weeks, releases shipped in them",
                        engagement().release("r1", "2026-02-27", "2026-02-27")
                                .release("r2", "2026-02-28", "2026-03-02"),
                        rollingFourWeeks("2026-03-27"), "{shipped=1, onTime=0, ratio=0.0}",
                        "[r2.planned, r2.shipped]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void release_predictability(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new ReleasePredictability(), facts, window, values, evidence);
    }
}
