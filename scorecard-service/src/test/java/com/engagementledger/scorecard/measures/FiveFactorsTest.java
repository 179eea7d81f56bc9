package com.engagementledger.scorecard.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The five factors are the worst colour of their inputs' current values, by the default thresholds (README): lower is
 * better for days and leakage/rework (GREEN under the first limit, AMBER under the second), higher is better for the
 * ratios, scores and decisions (GREEN at or above the first limit, AMBER at or above the second).
 */
class FiveFactorsTest {
    private static final String ALL_GREEN = "{SPEED=GREEN, CAPABILITY=GREEN, STABILITY=GREEN, QUALITY=GREEN, "
            + "CONTROL=GREEN}";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no data anywhere shows no problem", List.of(), ALL_GREEN),
                // time to first delivery: GREEN under 28 days, AMBER under 42
                arguments("speed: a first increment after 27 days is GREEN",
                        List.of("time-to-first-delivery.days=27"), ALL_GREEN),
                arguments("speed: after 28 days it is AMBER",
                        List.of("time-to-first-delivery.days=28"), ALL_GREEN.replace("SPEED=GREEN", "SPEED=AMBER")),
                arguments("speed: while nothing has shipped, 42 days since the start are RED",
                        List.of("time-to-first-delivery.daysSinceStart=42"),
                        ALL_GREEN.replace("SPEED=GREEN", "SPEED=RED")),
                arguments("speed: once the first increment shipped in time, the days since the start no longer count",
                        List.of("time-to-first-delivery.days=25", "time-to-first-delivery.daysSinceStart=81"),
                        ALL_GREEN),
                // cycle-time median: GREEN under 7 days, AMBER under 14; first delivery GREEN: the worst is RED
                arguments("speed: the worst of its inputs",
                        List.of("time-to-first-delivery.days=10", "cycle-time.medianDays=14"),
                        ALL_GREEN.replace("SPEED=GREEN", "SPEED=RED")),
                // onboarding ratio: GREEN at or above 0.8, AMBER at or above 0.5
                arguments("capability: 80 % of engineers past their first month contributing is GREEN",
                        List.of("onboarding.ratio=0.8"), ALL_GREEN),
                arguments("capability: 79 % is AMBER",
                        List.of("onboarding.ratio=0.79"), ALL_GREEN.replace("CAPABILITY=GREEN", "CAPABILITY=AMBER")),
                // retention 0.8: at or above 0.75, under 0.9 → AMBER; knowledge transfer 4.5 ≥ 4.0 → GREEN
                arguments("stability: retention AMBER, knowledge transfer GREEN",
                        List.of("retention.ratio=0.8", "knowledge-transfer.mean=4.5"),
                        ALL_GREEN.replace("STABILITY=GREEN", "STABILITY=AMBER")),
                // leakage: GREEN under 0.10, AMBER under 0.25
                arguments("quality: a leakage of 0.25 is RED",
                        List.of("defect-leakage.ratio=0.25", "rework-rate.ratio=0.0"),
                        ALL_GREEN.replace("QUALITY=GREEN", "QUALITY=RED")),
                // rework: GREEN under 0.10
                arguments("quality: a rework rate of 0.10 is AMBER",
                        List.of("defect-leakage.ratio=0.05", "rework-rate.ratio=0.1"),
                        ALL_GREEN.replace("QUALITY=GREEN", "QUALITY=AMBER")),
                // ownership 0.75 (≥ 0.7, < 0.9) AMBER; reviews 0.9091 GREEN;
                // decisions 0.5 per week (≥ 0.5, < 1.0) AMBER
                arguments("control: the worst of ownership, review cadence and decisions",
                        List.of("ownership-coverage.ratio=0.75", "governance-cadence.onTimeRatio=0.9091",
                                "governance-cadence.decisionsPerWeek=0.5"),
                        ALL_GREEN.replace("CONTROL=GREEN", "CONTROL=AMBER")),
                arguments("control: no area owned is undefined work, RED",
                        List.of("ownership-coverage.ratio=0.0"), ALL_GREEN.replace("CONTROL=GREEN", "CONTROL=RED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void five_factors(String rule, List<String> currentValues, String colours) {
        assertThat(FiveFactors.colours(now(currentValues), Thresholds.defaults())).hasToString(colours);
    }

    /** The current reading of every measure: the values given as "measure.key=value", no data for the others. */
    private static Map<String, Reading> now(List<String> values) {
        Map<String, Reading.Builder> readings = new LinkedHashMap<>();
        Scorecards.names().forEach(name -> readings.put(name, Reading.builder()));
        for (String value : values) {
            String[] keyValue = value.split("=");
            int dot = keyValue[0].indexOf('.');
            readings.get(keyValue[0].substring(0, dot)).value(keyValue[0].substring(dot + 1),
                    Double.valueOf(keyValue[1]));
        }
        Map<String, Reading> now = new LinkedHashMap<>();
        readings.forEach((name, reading) -> now.put(name, reading.build()));
        return now;
    }
}
