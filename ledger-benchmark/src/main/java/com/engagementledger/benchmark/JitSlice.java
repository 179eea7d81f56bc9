package com.engagementledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One slice of a warm-up, judged by the JIT: each JVM's compiler time per second of the slice, and whether all of
 * them stayed under the threshold. Load that runs while a JIT still compiles measures the compiler as much as the
 * code: the compiler threads take a core's share beside the requests (BENCHMARKS.md, runs S3 and A6).
 */
record JitSlice(boolean settled, List<String> rates) {

    /** From two readings of compiler milliseconds per JVM, {@code seconds} apart. */
    static JitSlice between(Map<String, Double> before, Map<String, Double> after, double seconds,
                            double thresholdMillisPerSecond) {
        boolean settled = true;
        List<String> rates = new ArrayList<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double rate = (e.getValue() - before.getOrDefault(e.getKey(), Double.NaN)) / seconds;
            // a JVM without the meter cannot be waited for
            settled &= Double.isNaN(rate) || rate < thresholdMillisPerSecond;
            rates.add(e.getKey() + " " + Table.f(rate, "ms/s"));
        }
        return new JitSlice(settled, rates);
    }

    @Override
    public String toString() {
        return String.join(", ", rates);
    }
}
