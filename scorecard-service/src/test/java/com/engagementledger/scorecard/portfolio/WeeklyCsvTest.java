package com.engagementledger.scorecard.portfolio;

import com.engagementledger.scorecard.measures.Scorecard;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly CSV's text cells go through the shared neutralisation; its numbers, negative ones too, stay numbers. */
class WeeklyCsvTest {

    @Test
    void a_cell_that_begins_like_a_formula_is_neutralised_and_negative_numbers_stay_numbers() {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("@delta", -3);
        values.put("share", 0.5);
        Scorecard.Week week = new Scorecard.Week("=2026-W05", LocalDate.of(2026, 1, 26), Map.of("+trend", values));

        String[] lines = WeeklyCsv.write(List.of(week)).split("\r\n");

        assertThat(lines[0]).isEqualTo("week,weekStart,\"'+trend.@delta\",\"'+trend.share\"");
        assertThat(lines[1]).isEqualTo("\"'=2026-W05\",2026-01-26,-3,0.5");
    }

    @Test
    void ordinary_cells_are_written_as_they_are() {
        Scorecard.Week week = new Scorecard.Week("2026-W05", LocalDate.of(2026, 1, 26),
                Map.of("cycle-time", Map.of("delivered", 2)));
        assertThat(WeeklyCsv.write(List.of(week))).isEqualTo("week,weekStart,cycle-time.delivered\r\n"
                + "2026-W05,2026-01-26,2\r\n");
    }
}
