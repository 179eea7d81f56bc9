package com.engagementledger.scorecard.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.rollingFourWeeks;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.Facts.week;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Rework rate: delivered items reopened within 30 days of the delivery / delivered items. */
class ReworkRateTest {
    private static final String STARTED = "2026-01-06T09:00";
    private static final String DELIVERED = "2026-01-10T12:00";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing delivered is no data",
                        engagement().workItem("a", STARTED, null),
                        upTo("2026-03-27"), "{delivered=0, reopened=0, ratio=null}", "[]"),
                // delivered 01-10 12:00, reopened 02-09 12:00: exactly 30 days
                arguments("reopened on day 30 after the delivery is rework",
                        engagement().workItem("a", STARTED, DELIVERED).reopen("ro1", "a", "2026-02-09T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=1, ratio=1.0}", "[a.delivered, ro1]"),
                // reopened 02-10 12:00: 31 days
                arguments("reopened on day 31 is not rework",
                        engagement().workItem("a", STARTED, DELIVERED).reopen("ro1", "a", "2026-02-10T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=0, ratio=0.0}", "[a.delivered]"),
                // re-delivered 02-01, reopened 02-20: 19 days after that delivery (41 after the first)
                arguments("counted from the delivery the reopening names",
                        engagement().workItem("a", STARTED, DELIVERED)
                                .reopen("ro1", "a", "2026-02-01T12:00", "2026-02-20T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=1, ratio=1.0}", "[a.delivered, ro1]"),
                arguments("a reopening dated before the delivery it names is not rework",
                        engagement().workItem("a", STARTED, DELIVERED)
                                .reopen("ro1", "a", "2026-02-01T12:00", "2026-01-31T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=0, ratio=0.0}", "[a.delivered]"),
                arguments("an item reopened twice is one reworked item, backed by both reopenings",
                        engagement().workItem("a", STARTED, DELIVERED)
                                .reopen("ro1", "a", "2026-01-15T12:00").reopen("ro2", "a", "2026-01-25T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=1, ratio=1.0}", "[a.delivered, ro1, ro2]"),
                arguments("the reopening of another item is not this item's rework",
                        engagement().workItem("a", STARTED, DELIVERED).reopen("ro1", "b", "2026-01-15T12:00"),
                        upTo("2026-03-27"), "{delivered=1, reopened=0, ratio=0.0}", "[a.delivered]"),
                // a reopened after 5 days, b after 45 days (not rework), c after 13 days: 2 of 3 = 0.66667 → 0.6667
                arguments("two of three reworked, rounded to four decimals",
                        engagement().workItem("a", STARTED, DELIVERED).reopen("ro1", "a", "2026-01-15T12:00")
                                .workItem("b", STARTED, DELIVERED).reopen("ro2", "b", "2026-02-24T12:00")
                                .workItem("c", STARTED, DELIVERED).reopen("ro3", "c", "2026-01-23T12:00"),
                        upTo("2026-03-27"), "{delivered=3, reopened=2, ratio=0.6667}",
                        "[a.delivered, ro1, b.delivered, c.delivered, ro3]"),
                // window W10..W13 opens 03-02: a (delivered 02-27) is outside although reopened inside
                arguments("over the rolling four weeks, items delivered in them",
                        engagement().workItem("a", "2026-02-20T09:00", "2026-02-27T12:00")
                                .reopen("ro1", "a", "2026-03-03T12:00")
                                .workItem("b", "2026-02-20T09:00", "2026-03-03T12:00"),
                        rollingFourWeeks("2026-03-27"), "{delivered=1, reopened=0, ratio=0.0}", "[b.delivered]"),
                // delivered in W03 (01-12..01-18), reopened in W05: the late fact revises W03
                arguments("a reopening after the week still makes an item delivered in it rework",
                        engagement().workItem("a", STARTED, "2026-01-14T12:00").reopen("ro1", "a", "2026-01-28T12:00"),
                        week("2026-01-12", "2026-03-27"), "{delivered=1, reopened=1, ratio=1.0}",
                        "[a.delivered, ro1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rework_rate(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new ReworkRate(), facts, window, values, evidence);
    }
}
