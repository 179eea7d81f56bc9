package com.engagementledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One slice of a warm-up, judged by the JIT: each JVM's compiler time per second of the slice, and whether all of
 * them stayed under the threshold. Load that runs while a JIT still compiles measures the compiler as much as the
 * code: the compiler threads take a core's share beside the requests (BENCHMARKS.md, runs S3 and A6).
 */
record JitSlice(boolean settled, List<String> rates) {

    /** What runs during one slice of a warm-up: load for that many seconds, or a wait while load runs elsewhere. */
    interface Load {
        void run(int seconds) throws Exception;
    }

    /**
     * Slices of {@code sliceSeconds} of {@code load} until a slice in which every JVM compiled under {@code
     * threshold} ms per second, or until {@code maxSeconds} have passed since {@code start} (System.nanoTime).
     * Prints each slice as {@code label}; returns the last slice's rates for a note, or "" if none ran.
     */
    static String loadUntilSettled(String label, long start, int maxSeconds, int sliceSeconds, double threshold,
                                   Supplier<Map<String, Double>> compilationMillis, Load load) throws Exception {
        String last = "";
        // one slice's end is the next one's start: the meters are read once per slice
        Map<String, Double> before = compilationMillis.get();
        while (true) {
            int slice = (int) Math.min(sliceSeconds, maxSeconds - (System.nanoTime() - start) / 1_000_000_000L);
            if (slice <= 0) {
                return last;
            }
            long t0 = System.nanoTime();
            load.run(slice);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> after = compilationMillis.get();
            JitSlice jit = between(before, after, seconds, threshold);
            last = "; the JIT compilers in its last " + Math.round(seconds) + " s: " + jit;
            before = after;
            System.out.println("  " + label + ", " + Math.round((System.nanoTime() - start) / 1e9)
                    + " s: the JIT compilers " + jit);
            if (jit.settled()) {
                return last;
            }
        }
    }

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
