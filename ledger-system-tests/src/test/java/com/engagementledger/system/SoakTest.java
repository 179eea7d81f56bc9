package com.engagementledger.system;

import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.ServiceJvm;
import com.engagementledger.system.support.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise: at a steady command rate for a while (60 s in CI; {@code -Dledger.soak.seconds=600} by hand, rate with
 * {@code -Dledger.soak.rate}) there is no error answer, no service's heap floor grows by more than 150 MB, the
 * publication lag stays bounded, and at the end every stored event has reached both consumers.
 */
@Order(100)
class SoakTest {
    static final long HEAP_GROWTH_LIMIT = 150L * 1024 * 1024;
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)",
            Pattern.MULTILINE);
    private static final Pattern LAG = Pattern.compile("^ledger_publication_lag_events(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)",
            Pattern.MULTILINE);

    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "soak.lead");

    @Test
    void a_steady_command_rate_gives_no_error_a_flat_heap_a_bounded_lag_and_every_event_consumed() throws Exception {
        int seconds = Integer.getInteger("ledger.soak.seconds", 60);
        int rate = Integer.getInteger("ledger.soak.rate", 20);
        List<String> engagements = List.of(ledger.open("Soak A"), ledger.open("Soak B"), ledger.open("Soak C"),
                ledger.open("Soak D"));
        ledger.awaitEveryEventConsumed(Duration.ofSeconds(60));
        long storedBefore = ledger.storedEventIds().size();

        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        Map<String, List<Long>> heap = new LinkedHashMap<>();
        stack.all().forEach(s -> heap.put(s.module(), Collections.synchronizedList(new ArrayList<>())));
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());

        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        Instant start = Instant.now();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            workers.submit(() -> {
                String id = engagements.get(n % engagements.size());
                long t0 = System.nanoTime();
                Http.Answer a = n % 2 == 0 ? ledger.rate(id, 1 + n % 5, 1 + n % 25)
                        : ledger.recordDefect(id, n % 3 == 0, 1 + n % 7);
                latenciesMicros.add((System.nanoTime() - t0) / 1000);
                if (!a.ok()) {
                    errors.add(a.toString());
                }
            });
        }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
        clock.scheduleAtFixedRate(() -> sample(heap, lags), 0, 5, TimeUnit.SECONDS);
        Thread.sleep(seconds * 1000L);
        clock.shutdownNow();
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Duration sending = Duration.between(start, Instant.now());
        sample(heap, lags);

        Instant drainStart = Instant.now();
        ledger.awaitEveryEventConsumed(Duration.ofSeconds(180));
        Duration drain = Duration.between(drainStart, Instant.now());
        long storedDuring = ledger.storedEventIds().size() - storedBefore;

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        StringBuilder report = new StringBuilder(String.format("[soak] %s, %d s at %d commands/s target: %d sent "
                        + "(%.1f/s achieved), %d events stored, %d errors; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f; "
                        + "max publication lag %.0f events; both consumers complete %.1f s after the last command%n",
                Instant.now(), seconds, rate, sorted.size(), sorted.size() / (sending.toMillis() / 1000.0),
                storedDuring, errors.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 100),
                lags.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                drain.toMillis() / 1000.0));
        Map<String, Long> growth = new LinkedHashMap<>();
        heap.forEach((module, samples) -> {
            List<Long> s = new ArrayList<>(samples);
            int third = Math.max(1, s.size() / 3);
            long firstFloor = s.subList(0, third).stream().mapToLong(Long::longValue).min().orElse(0);
            long lastFloor = s.subList(s.size() - third, s.size()).stream().mapToLong(Long::longValue).min().orElse(0);
            growth.put(module, lastFloor - firstFloor);
            report.append(String.format("[soak]   %-21s heap MB start %d, middle %d, end %d; floor first third %d, "
                            + "last third %d%n", module, mb(s.get(0)), mb(s.get(s.size() / 2)), mb(s.get(s.size() - 1)),
                    mb(firstFloor), mb(lastFloor)));
        });
        System.out.print(report);

        assertThat(errors).as("error answers during the soak").isEmpty();
        assertThat(sorted.size()).isEqualTo(sent.get());
        assertThat(storedDuring).as("one event per command").isEqualTo(sorted.size());
        growth.forEach((module, g) -> assertThat(g).as("heap floor growth of %s", module)
                .isLessThan(HEAP_GROWTH_LIMIT));
        assertThat(lags).as("publication lag samples").isNotEmpty();
        // bounded: never more than 30 seconds' worth of commands behind
        assertThat(lags.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0))
                .isLessThan(rate * 30.0);
    }

    private void sample(Map<String, List<Long>> heap, List<Double> lags) {
        for (ServiceJvm s : stack.all()) {
            Http.Answer a = new Http(s.baseUrl(), stack.tokens().admin()).get("/actuator/prometheus");
            if (a.status() != 200) {
                continue;
            }
            Matcher m = HEAP.matcher(a.body());
            long used = 0;
            while (m.find()) {
                used += (long) Double.parseDouble(m.group(1));
            }
            heap.get(s.module()).add(used);
            if (s == stack.engagement()) {
                Matcher lag = LAG.matcher(a.body());
                if (lag.find()) {
                    lags.add(Double.parseDouble(lag.group(1)));
                }
            }
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
