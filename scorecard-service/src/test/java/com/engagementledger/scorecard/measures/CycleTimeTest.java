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

/** Cycle time: started → first delivered, median and nearest-rank 85th percentile, in days. */
class CycleTimeTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing delivered is no data, not zero",
                        engagement().workItem("a", "2026-01-06T09:00", null),
                        upTo("2026-01-30"), "{delivered=0, medianDays=null, p85Days=null}", "[]"),
                // 01-06 09:00 → 01-09 09:00 = 3 days
                arguments("one item is its own median and p85",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-09T09:00"),
                        upTo("2026-01-30"), "{delivered=1, medianDays=3.0, p85Days=3.0}",
                        "[a.started, a.delivered]"),
                // 2, 3, 10 days: median the middle one, 3; p85 rank ⌈0.85 × 3⌉ = 3 → 10
                arguments("odd count: the median is the middle value",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-08T09:00")
                                .workItem("b", "2026-01-06T09:00", "2026-01-09T09:00")
                                .workItem("c", "2026-01-06T09:00", "2026-01-16T09:00"),
                        upTo("2026-01-30"), "{delivered=3, medianDays=3.0, p85Days=10.0}",
                        "[a.started, a.delivered, b.started, b.delivered, c.started, c.delivered]"),
                // 2, 3, 5, 10 days: median (3 + 5) / 2 = 4; p85 rank ⌈0.85 × 4⌉ = 4 → 10
                arguments("even count: the median is the mean of the two middle values",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-08T09:00")
                                .workItem("b", "2026-01-06T09:00", "2026-01-09T09:00")
                                .workItem("c", "2026-01-06T09:00", "2026-01-16T09:00")
                                .workItem("d", "2026-01-06T09:00", "2026-01-11T09:00"),
                        upTo("2026-01-30"), "{delivered=4, medianDays=4.0, p85Days=10.0}",
                        "[a.started, a.delivered, b.started, b.delivered, c.started, c.delivered, d.started, "
                                + "d.delivered]"),
                // 1, 2, 3, 4, 5 days: p85 rank ⌈0.85 × 5⌉ = ⌈4.25⌉ = 5 → 5 (not the 4 of an interpolated percentile)
                arguments("the 85th percentile is the nearest rank",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-07T09:00")
                                .workItem("b", "2026-01-06T09:00", "2026-01-08T09:00")
                                .workItem("c", "2026-01-06T09:00", "2026-01-09T09:00")
                                .workItem("d", "2026-01-06T09:00", "2026-01-10T09:00")
                                .workItem("e", "2026-01-06T09:00", "2026-01-11T09:00"),
                        upTo("2026-01-30"), "{delivered=5, medianDays=3.0, p85Days=5.0}",
                        "[a.started, a.delivered, b.started, b.delivered, c.started, c.delivered, d.started, "
                                + "d.delivered, e.started, e.delivered]"),
                // a: 09:00 → next day 21:00 = 36 h = 1.5 days; b: 00:00 → 08:00 = 8 h = 0.33333 days;
                // median (0.33333 + 1.5) / 2 = 0.916667 → 0.9167; p85 rank ⌈0.85 × 2⌉ = 2 → 1.5
                arguments("hours count as fractions of a day, rounded to four decimals",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-07T21:00")
                                .workItem("b", "2026-01-12T00:00", "2026-01-12T08:00"),
                        upTo("2026-01-30"), "{delivered=2, medianDays=0.9167, p85Days=1.5}",
                        "[a.started, a.delivered, b.started, b.delivered]"),
                // b is delivered on 02-02, after today 01-30
                arguments("an item delivered after today is not counted yet",
                        engagement().workItem("a", "2026-01-06T09:00", "2026-01-09T09:00")
                                .workItem("b", "2026-01-20T09:00", "2026-02-02T09:00"),
                        upTo("2026-01-30"), "{delivered=1, medianDays=3.0, p85Days=3.0}",
                        "[a.started, a.delivered]"),
                // a's start was never recorded: its cycle is unknown; b 01-06 → 01-10 = 4 days
                arguments("an item without a known start is left out",
                        engagement().workItem("a", null, "2026-01-09T09:00")
                                .workItem("b", "2026-01-06T09:00", "2026-01-10T09:00"),
                        upTo("2026-01-30"), "{delivered=1, medianDays=4.0, p85Days=4.0}",
                        "[b.started, b.delivered]"),
                // today Friday 03-27 (W13): the window opens Monday 03-02 (W10); a delivered 02-27 is outside,
                // b (started in February) delivered 03-03 inside: 02-20 → 03-03 = 11 days
                arguments("over the rolling four weeks, items delivered from the Monday three weeks back",
                        engagement().workItem("a", "2026-02-20T09:00", "2026-02-27T09:00")
                                .workItem("b", "2026-02-20T09:00", "2026-03-03T09:00"),
                        rollingFourWeeks("2026-03-27"), "{delivered=1, medianDays=11.0, p85Days=11.0}",
                        "[b.started, b.delivered]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cycle_time(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new CycleTime(), facts, window, values, evidence);
    }
}
