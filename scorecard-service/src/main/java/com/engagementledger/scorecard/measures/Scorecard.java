package com.engagementledger.scorecard.measures;

import com.engagementledger.support.openapi.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The scorecard of one engagement as of a day: the five factor colours and every measure. */
public record Scorecard(String engagementId, String name, String clientName, String partnerName, String model,
                        String status, LocalDate startDate, LocalDate asOf, String currentWeek,
                        Map<Factor, Rag> factors, Map<String, MeasureValues> measures) {

    public enum Factor { SPEED, CAPABILITY, STABILITY, QUALITY, CONTROL }

    /**
     * One measure: its named values now (everything recorded up to today), over the rolling four ISO weeks ending
     * with the current week, and the events behind the current value. Published in the API documents as "Measure".
     */
    @Schema(name = "Measure")
    public record MeasureValues(String name, String definition, @NullableValues Map<String, Number> current,
                                @NullableValues Map<String, Number> rollingFourWeeks,
                                @com.fasterxml.jackson.annotation.JsonIgnore List<String> evidence) {
    }

    /** One ISO week of the series (e.g. 2026-W05) with the values of every measure for that week. */
    public record Week(String week, LocalDate weekStart, @NullableValues Map<String, Map<String, Number>> measures) {
    }
}
