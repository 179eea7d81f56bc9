package com.engagementledger.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The one table: each ledger figure beside the raw figure of the same run, their ratio, the target and a verdict. */
final class Table {
    record Row(String section, String measure, String ledger, String raw, String ratio, String target, String met) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void add(String section, String measure, String ledger, String raw, String ratio, String target, String met) {
        rows.add(new Row(section, measure, ledger, raw, ratio, target, met));
        System.out.printf("  [%s] %s: %s | raw %s | ratio %s | %s %s%n", section, measure, ledger, raw, ratio,
                target, met);
    }

    synchronized void error(String message) {
        if (errors.size() < 200) {
            errors.add(message);
        }
        System.out.println("  ERROR: " + message);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| section | measure | ledger | raw (same run) | ratio | target | met |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(String.join(" | ", r.section(), r.measure(), r.ledger(), r.raw(), r.ratio(),
                    r.target(), r.met())).append(" |\n");
        }
        b.append("\n");
        if (errors.isEmpty()) {
            b.append("Errors: none\n");
        } else {
            b.append("Errors (").append(errors.size()).append("):\n");
            errors.forEach(e -> b.append("- ").append(e.replace('\n', ' ')).append('\n'));
        }
        if (!notes.isEmpty()) {
            b.append("\nNotes:\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    static String f(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        return unit.isEmpty() ? s : s + " " + unit;
    }

    static String ratio(double ledger, double raw) {
        return Double.isNaN(ledger) || Double.isNaN(raw) || raw == 0 ? "n/a" : String.format("%.2f", ledger / raw);
    }

    /** A wall-clock instant as the notes print it, UTC to the millisecond, to line it up with a GC or database log. */
    static String utc(java.time.Instant at) {
        return java.time.LocalTime.ofInstant(at, java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }
}
