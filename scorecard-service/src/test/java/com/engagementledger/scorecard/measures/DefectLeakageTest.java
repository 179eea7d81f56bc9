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

/** Defect leakage: production defects / all defects found. */
class DefectLeakageTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no defect found is no data, not zero leakage",
                        engagement(), upTo("2026-03-27"), "{defects=0, production=0, ratio=null}", "[]"),
                arguments("defects caught before release: nothing leaked",
                        engagement().defect("d1", "BEFORE_RELEASE", "2026-02-02T10:00"),
                        upTo("2026-03-27"), "{defects=1, production=0, ratio=0.0}", "[d1]"),
                // 1 of 4 in production = 0.25
                arguments("one production defect of four",
                        engagement().defect("d1", "BEFORE_RELEASE", "2026-01-20T10:00")
                                .defect("d2", "BEFORE_RELEASE", "2026-02-02T10:00")
                                .defect("d3", "PRODUCTION", "2026-02-10T10:00")
                                .defect("d4", "BEFORE_RELEASE", "2026-03-02T10:00"),
                        upTo("2026-03-27"), "{defects=4, production=1, ratio=0.25}", "[d1, d2, d3, d4]"),
                // 1 / 3 = 0.33333 → 0.3333
                arguments("the ratio is rounded to four decimals",
                        engagement().defect("d1", "PRODUCTION", "2026-01-20T10:00")
                                .defect("d2", "BEFORE_RELEASE", "2026-02-02T10:00")
                                .defect("d3", "BEFORE_RELEASE", "2026-02-10T10:00"),
                        upTo("2026-03-27"), "{defects=3, production=1, ratio=0.3333}", "[d1, d2, d3]"),
                arguments("a defect found after today is not counted yet",
                        engagement().defect("d1", "PRODUCTION", "2026-03-28T10:00"),
                        upTo("2026-03-27"), "{defects=0, production=0, ratio=null}", "[]"),
                // window W10..W13 opens Monday 03-02: d1 (02-27) is outside
                arguments("over the rolling four weeks, defects found in them",
                        engagement().defect("d1", "PRODUCTION", "2026-02-27T10:00")
                                .defect("d2", "BEFORE_RELEASE", "2026-03-02T10:00"),
                        rollingFourWeeks("2026-03-27"), "{defects=1, production=0, ratio=0.0}", "[d2]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defect_leakage(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new DefectLeakage(), facts, window, values, evidence);
    }
}
