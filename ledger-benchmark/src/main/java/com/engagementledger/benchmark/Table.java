package com.engagementledger.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The one table: each ledger figure beside the raw figure of the same run, their ratio, the target and a verdict. */
final class Table {
    record Row(String section, String measure, String ledger, String raw, String ratio, String target, String met) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    synchronized void add(String section, String measure, String ledger, String raw, String ratio, String target,
                          String met) {
        rows.add(new Row(section, measure, ledger, raw, ratio, target, met));
        System.out.printf("  [%s] %s: %s | raw %s | %s | %s %s%n", section, measure, ledger, raw, ratio, target, met);
    }

    synchronized void error(String message) {
        if (errors.size() < 100) {
            errors.add(message.replace('\n', ' '));
        }
        System.out.println("  ERROR: " + message);
    }

    synchronized String markdown() {
        StringBuilder b = new StringBuilder("| section | measure | ledger | raw (same run) | ratio | target | met |\n"
                + "|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> b.append("| ").append(String.join(" | ", r.section(), r.measure(), r.ledger(), r.raw(),
                r.ratio(), r.target(), r.met())).append(" |\n"));
        b.append(errors.isEmpty() ? "\nErrors: none\n" : "\nErrors (" + errors.size() + "):\n");
        errors.forEach(e -> b.append("- ").append(e).append('\n'));
        return b.toString();
    }

    static String f(double v, String unit) {
        String s = Double.isNaN(v) ? "n/a" : v >= 100 ? String.format("%,.0f", v)
                : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        return unit.isEmpty() || Double.isNaN(v) ? s : s + " " + unit;
    }

    static String ratio(double ledger, double raw) {
        return Double.isNaN(ledger) || Double.isNaN(raw) || raw == 0 ? "n/a" : String.format("%.2f", ledger / raw);
    }

    /** A verdict; "n/a" when a figure is missing (its cause is among the errors). */
    static String met(double ledger, double raw, boolean met) {
        return Double.isNaN(ledger) || Double.isNaN(raw) ? "n/a" : met ? "yes" : "**no**";
    }
}
