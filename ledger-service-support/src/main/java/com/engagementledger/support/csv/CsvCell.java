package com.engagementledger.support.csv;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Cells of the CSV files the services write, safe to open in a spreadsheet program. Text that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read there as a formula (CSV
 * injection): as OWASP recommends, such a cell is prefixed with a single quote and enclosed in double quotes. A
 * cell that holds a separator — a comma, the semicolon that spreadsheet programs of some locales split on, a tab, a
 * quote or a line break — is enclosed in double quotes with its quotes doubled (RFC 4180), so that no part of it
 * becomes a cell of its own that could begin like a formula. Numbers are written as they are: the service formatted
 * them, and a negative number must stay a number.
 */
public final class CsvCell {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String SEPARATORS = ",;\t\"\r\n";

    private CsvCell() {
    }

    /** One cell: empty for null, a number as written, any other value as text, neutralised and quoted as needed. */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        if (formula) {
            text = "'" + text;
        }
        if (formula || text.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** One line's cells, separated by commas (without the line break). */
    public static String row(Object... values) {
        return Arrays.stream(values).map(CsvCell::of).collect(Collectors.joining(","));
    }
}
