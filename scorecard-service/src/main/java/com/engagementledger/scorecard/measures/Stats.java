package com.engagementledger.scorecard.measures;

import java.util.Collection;
import java.util.List;

/** The few statistics the scorecard needs, as plain functions; null means "no data", never zero. */
final class Stats {
    private Stats() {
    }

    /** The middle value; the mean of the two middle values for an even count. */
    static Double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted values (p85 of 10 values is the 9th). */
    static Double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static Double mean(Collection<? extends Number> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Rounded for display and comparison; four decimals keep ratios such as 0.1667 exact enough. */
    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000.0) / 10_000.0;
    }
}
