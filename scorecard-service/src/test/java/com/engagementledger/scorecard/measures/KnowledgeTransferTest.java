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

/** Knowledge transfer: the mean score (1-5) of the day-30 assessments made in the period. */
class KnowledgeTransferTest {

    /** E1 4 and E2 3 in February, E3 5 and E4 2 in March (W10, W12). */
    private static Facts fourAssessments() {
        return engagement().assessment("kt1", "e1", 4, "2026-02-04").assessment("kt2", "e2", 3, "2026-02-18")
                .assessment("kt3", "e3", 5, "2026-03-04").assessment("kt4", "e4", 2, "2026-03-18");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no assessment yet: no data",
                        engagement(), upTo("2026-03-27"), "{assessments=0, mean=null}", "[]"),
                // (4 + 3 + 5 + 2) / 4 = 3.5
                arguments("the mean of the scores",
                        fourAssessments(), upTo("2026-03-27"), "{assessments=4, mean=3.5}", "[kt1, kt2, kt3, kt4]"),
                // W10..W13 from 03-02: 5 and 2 → 3.5
                arguments("over the rolling four weeks, the assessments made in them",
                        fourAssessments(), rollingFourWeeks("2026-03-27"), "{assessments=2, mean=3.5}", "[kt3, kt4]"),
                // (4 + 4 + 5) / 3 = 4.33333 → 4.3333
                arguments("the mean is rounded to four decimals",
                        engagement().assessment("kt1", "e1", 4, "2026-02-04").assessment("kt2", "e2", 4, "2026-02-05")
                                .assessment("kt3", "e3", 5, "2026-02-06"), upTo("2026-03-27"),
                        "{assessments=3, mean=4.3333}", "[kt1, kt2, kt3]"),
                arguments("an assessment made after today is not counted yet",
                        engagement().assessment("kt1", "e1", 1, "2026-03-28"), upTo("2026-03-27"),
                        "{assessments=0, mean=null}", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void knowledge_transfer(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new KnowledgeTransfer(), facts, window, values, evidence);
    }
}
