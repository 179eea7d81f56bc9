package com.engagementledger.system;

import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise: scorecard-service and notification-service killed with SIGKILL while they consume (no graceful stop, no
 * offset commit) and started again apply every event exactly once: none missed, none applied twice.
 */
@Order(2)
class ConsumerCrashTest {
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "consumer.crash.lead");

    @Test
    void consumers_killed_mid_stream_and_restarted_miss_no_event_and_apply_none_twice() throws Exception {
        List<String> engagements = List.of(ledger.open("Crash A"), ledger.open("Crash B"), ledger.open("Crash C"));
        Map<String, AtomicInteger> defects = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> ratings = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        int before = ledger.scorecardProcessedIds().size();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = engagements.stream().<Future<?>>map(id -> pool.submit(() -> {
                int i = 0;
                while (running.get()) {
                    boolean defect = i % 2 == 0;
                    Http.Answer a = defect ? ledger.recordDefect(id, i % 4 == 0, 1 + i % 6)
                            : ledger.rate(id, 1 + i % 5, 1 + i % 25);
                    if (a.ok()) {
                        (defect ? defects : ratings).computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                    i++;
                }
            })).toList();

            // kill both consumers once they are busy with the stream
            awaitUntil(() -> ledger.scorecardProcessedIds().size() > before + 60, Duration.ofSeconds(60));
            stack.scorecard().kill();
            stack.notification().kill();
            Thread.sleep(3000); // commands go on while they are dead, so they restart with a backlog
            running.set(false);
            for (Future<?> w : writers) {
                w.get();
            }
            stack.startAndAwait(stack.scorecard(), stack.notification());
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertThat(failures.get()).as("failed commands").isZero();

        ledger.awaitEveryEventConsumed(Duration.ofSeconds(120));
        for (String id : engagements) {
            long expectedDefects = defects.getOrDefault(id, new AtomicInteger()).get();
            long expectedRatings = ratings.getOrDefault(id, new AtomicInteger()).get();
            // notification-service increments its per-week counters once per event: a second application shows
            assertThat(ledger.notificationDefectsCounted(id)).as("defects counted by notification for %s", id)
                    .isEqualTo(expectedDefects);
            assertThat(ledger.count("ledger_scorecard", "select count(*) from defect where engagement_id = ? and "
                    + "generation = (select id from generation where state = 'ACTIVE')", id)).isEqualTo(expectedDefects);
            assertThat(ledger.count("ledger_scorecard", "select count(*) from rating where engagement_id = ? and "
                    + "generation = (select id from generation where state = 'ACTIVE')", id)).isEqualTo(expectedRatings);
        }
        Map<String, JsonNode> live = new LinkedHashMap<>();
        engagements.forEach(id -> live.put(id, ledger.scorecard(id)));
        ledger.rebuildScorecard(Duration.ofSeconds(120));
        engagements.forEach(id -> assertThat(ledger.scorecard(id)).as("scorecard of %s after a rebuild", id)
                .isEqualTo(live.get(id)));
        System.out.printf("[consumer-crash] %s defects, %s ratings; both consumers SIGKILLed mid-stream; every event "
                + "applied once%n", defects, ratings);
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
