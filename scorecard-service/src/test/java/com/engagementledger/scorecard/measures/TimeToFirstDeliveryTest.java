package com.engagementledger.scorecard.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.engagementStarting;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Time to first delivery: engagement start (Monday 01-05) → first increment shipped, in days. */
class TimeToFirstDeliveryTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("without a start date: no data",
                        engagementStarting(null).release("r1", "2026-01-30", "2026-01-30"), upTo("2026-03-27"),
                        "{days=null, daysSinceStart=null}", "[]"),
                // 01-05 → 01-30 = 25 days waited so far
                arguments("nothing shipped yet: the days since the start count",
                        engagement(), upTo("2026-01-30"), "{days=null, daysSinceStart=25}", "[opened]"),
                // 01-05 → 01-30 = 25 days; 01-05 → 03-27 = 81 days
                arguments("the first release shipped",
                        engagement().release("r1", "2026-01-28", "2026-01-30").release("r2", "2026-02-20",
                                "2026-02-20"), upTo("2026-03-27"), "{days=25, daysSinceStart=81}",
                        "[opened, r1.shipped]"),
                // the milestone on 01-20: 15 days, before the release of 01-30
                arguments("a FIRST_INCREMENT_SHIPPED milestone before any release",
                        engagement().release("r1", "2026-01-28", "2026-01-30")
                                .milestone("m1", "e1", "FIRST_INCREMENT_SHIPPED", "2026-01-20"),
                        upTo("2026-03-27"), "{days=15, daysSinceStart=81}", "[opened, m1]"),
                arguments("other milestones are not an increment shipped",
                        engagement().milestone("m1", "e1", "FIRST_CHANGE_MERGED", "2026-01-12"), upTo("2026-03-27"),
                        "{days=null, daysSinceStart=81}", "[opened]"),
                arguments("an increment shipped after today is not seen yet",
                        engagement().release("r1", "2026-02-02", "2026-02-02"), upTo("2026-01-30"),
                        "{days=null, daysSinceStart=25}", "[opened]"),
                arguments("an increment shipped before the start belongs to no delivery of this engagement",
                        engagement().release("r1", "2026-01-02", "2026-01-02"), upTo("2026-01-30"),
                        "{days=null, daysSinceStart=25}", "[opened]"),
                // today 01-01 is four days before the start: never negative
                arguments("before the start, no day has passed",
                        engagement(), upTo("2026-01-01"), "{days=null, daysSinceStart=0}", "[opened]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void time_to_first_delivery(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new TimeToFirstDelivery(), facts, window, values, evidence);
    }
}
