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

/** Incident trend: incidents per week by severity; mean time to acknowledge (minutes) and to resolve (hours). */
class IncidentTrendTest {

    /** I1 SEV1 in W08, I2 SEV3 in W11, I3 SEV2 in W12, still open. */
    private static Facts threeIncidents() {
        return engagement()
                .incident("i1", "SEV1", "2026-02-16T03:00", "2026-02-16T03:50", "2026-02-16T07:00")
                .incident("i2", "SEV3", "2026-03-10T10:00", "2026-03-10T10:30", "2026-03-10T16:00")
                .incident("i3", "SEV2", "2026-03-20T09:00", "2026-03-20T09:10", null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no incidents: zero counts, no times",
                        engagement(), upTo("2026-01-30"),
                        "{incidents=0, sev1=0, sev2=0, sev3=0, sev4=0, perWeek=0.0, mttaMinutes=null, mttrHours=null}",
                        "[]"),
                // 3 incidents over W02..W13 = 12 weeks → 0.25; MTTA (50 + 30 + 10) / 3 = 30 min;
                // MTTR over the resolved ones (4 h + 6 h) / 2 = 5 h
                arguments("per week since the start week, by severity, with mean times",
                        threeIncidents(), upTo("2026-03-27"),
                        "{incidents=3, sev1=1, sev2=1, sev3=1, sev4=0, perWeek=0.25, mttaMinutes=30.0, mttrHours=5.0}",
                        "[i1.opened, i1.acknowledged, i1.resolved, i2.opened, i2.acknowledged, i2.resolved, "
                                + "i3.opened, i3.acknowledged]"),
                // W10..W13: I2 and I3 → 2 / 4 weeks = 0.5; MTTA (30 + 10) / 2 = 20 min; MTTR 6 h (I3 open)
                arguments("over the rolling four weeks, incidents detected in them",
                        threeIncidents(), rollingFourWeeks("2026-03-27"),
                        "{incidents=2, sev1=0, sev2=1, sev3=1, sev4=0, perWeek=0.5, mttaMinutes=20.0, mttrHours=6.0}",
                        "[i2.opened, i2.acknowledged, i2.resolved, i3.opened, i3.acknowledged]"),
                // one incident over W02..W05 = 4 weeks → 0.25
                arguments("an incident not acknowledged yet counts, without a time to acknowledge",
                        engagement().incident("i1", "SEV4", "2026-01-20T10:00", null, null), upTo("2026-01-30"),
                        "{incidents=1, sev1=0, sev2=0, sev3=0, sev4=1, perWeek=0.25, mttaMinutes=null, "
                                + "mttrHours=null}",
                        "[i1.opened]"),
                // acknowledged 12 min 30 s after detection = 12.5 min; resolved after 1 day 6 h = 30 h
                arguments("times are measured from detection, however late the facts were recorded",
                        engagement().incident("i1", "SEV2", "2026-01-20T10:00", "2026-01-20T10:12:30",
                                "2026-01-21T16:00"), upTo("2026-01-30"),
                        "{incidents=1, sev1=0, sev2=1, sev3=0, sev4=0, perWeek=0.25, mttaMinutes=12.5, "
                                + "mttrHours=30.0}",
                        "[i1.opened, i1.acknowledged, i1.resolved]"),
                // W05 (01-26..02-01): two incidents in one week → 2.0; i3 on 02-02 is in W06
                arguments("one week of the series: incidents in that week",
                        engagement().incident("i1", "SEV3", "2026-01-26T10:00", null, null)
                                .incident("i2", "SEV3", "2026-02-01T23:00", null, null)
                                .incident("i3", "SEV3", "2026-02-02T00:30", null, null),
                        week("2026-01-26", "2026-03-27"),
                        "{incidents=2, sev1=0, sev2=0, sev3=2, sev4=0, perWeek=2.0, mttaMinutes=null, mttrHours=null}",
                        "[i1.opened, i2.opened]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void incident_trend(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new IncidentTrend(), facts, window, values, evidence);
    }
}
