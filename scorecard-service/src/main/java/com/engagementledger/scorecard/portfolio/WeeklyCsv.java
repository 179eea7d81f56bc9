package com.engagementledger.scorecard.portfolio;

import com.engagementledger.scorecard.measures.Scorecard;
import com.engagementledger.support.csv.CsvCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weekly series as CSV: one row per ISO week, one column per measure value (measure.value). Cells are written
 * by {@link CsvCell}, as every CSV of the ledger is, so none begins like a spreadsheet formula.
 */
final class WeeklyCsv {
    private WeeklyCsv() {
    }

    static String write(List<Scorecard.Week> weeks) {
        List<String> columns = new ArrayList<>();
        if (!weeks.isEmpty()) {
            weeks.get(0).measures().forEach((measure, values) -> values.keySet()
                    .forEach(key -> columns.add(measure + "." + key)));
        }
        StringBuilder csv = new StringBuilder("week,weekStart");
        columns.forEach(c -> csv.append(',').append(CsvCell.of(c)));
        csv.append("\r\n");
        for (Scorecard.Week week : weeks) {
            csv.append(CsvCell.of(week.week())).append(',').append(CsvCell.of(week.weekStart()));
            for (String column : columns) {
                int dot = column.indexOf('.');
                Map<String, Number> values = week.measures().get(column.substring(0, dot));
                Number value = values == null ? null : values.get(column.substring(dot + 1));
                csv.append(',').append(CsvCell.of(value));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }
}
