package com.engagementledger.support.csv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTest {

    @Test
    void text_a_spreadsheet_would_read_as_a_formula_is_prefixed_with_a_quote() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://evil\";\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\"");
        assertThat(CsvCell.of("+1+cmd|' /C calc'!A0")).isEqualTo("\"'+1+cmd|' /C calc'!A0\"");
        assertThat(CsvCell.of("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCell.of("@SUM(1+1)")).isEqualTo("\"'@SUM(1+1)\"");
        assertThat(CsvCell.of("\t=1+1")).isEqualTo("\"'\t=1+1\"");
    }

    @Test
    void a_carriage_return_first_is_neutralised_too() {
        assertThat(CsvCell.of("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void text_with_a_separator_is_quoted_as_rfc_4180_wants_so_no_part_of_it_starts_a_cell() {
        assertThat(CsvCell.of("a,=b")).isEqualTo("\"a,=b\"");
        assertThat(CsvCell.of("a;=b")).isEqualTo("\"a;=b\"");
        assertThat(CsvCell.of("a\t=b")).isEqualTo("\"a\t=b\"");
        assertThat(CsvCell.of("a\n=b \"c\"")).isEqualTo("\"a\n=b \"\"c\"\"\"");
    }

    @Test
    void other_text_is_written_as_it_is() {
        assertThat(CsvCell.of("partner-ravi")).isEqualTo("partner-ravi");
        assertThat(CsvCell.of(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
        assertThat(CsvCell.of("")).isEmpty();
        assertThat(CsvCell.of(null)).isEmpty();
    }

    @Test
    void numbers_stay_numbers_negative_ones_included() {
        assertThat(CsvCell.row(-3, 2.5, new BigDecimal("-0.25"), 7L)).isEqualTo("-3,2.5,-0.25,7");
    }
}
