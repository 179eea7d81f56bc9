package com.engagementledger.system;

import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
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
 * Promise: engagement-service killed (SIGKILL) while commands are in flight loses no command it answered 2xx, and
 * retrying every command with its Idempotency-Key afterwards records each exactly once.
 */
@Order(5)
class EngagementCrashTest {
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "engagement.crash.lead");

    record Sent(String key, Map<String, Object> body, Http.Answer answer) {
    }

    @Test
    void every_command_answered_2xx_survives_a_kill_and_retries_with_the_same_key_record_nothing_twice()
            throws Exception {
        String engagement = ledger.open("Engagement crash");
        String path = "/engagements/" + engagement + "/satisfaction-ratings";
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                writers.add(pool.submit(() -> {
                    while (running.get()) {
                        int n = next.getAndIncrement();
                        String key = "crash-" + engagement + "-" + n;
                        Map<String, Object> body = Ledger.rating(1 + n % 5, 1 + n % 20);
                        Http.Answer answer = ledger.api().post(path, body, key);
                        sent.put(key, new Sent(key, body, answer));
                        if (!answer.ok()) {
                            return; // this writer's request was in flight at the kill (or sent after it): stop
                        }
                    }
                }));
            }
            ConsumerCrashTest.awaitUntil(() -> sent.values().stream().filter(s -> s.answer().ok()).count() >= 40,
                    Duration.ofSeconds(60));
            stack.engagement().kill();
            running.set(false);
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        stack.startAndAwait(stack.engagement());

        List<Sent> answered = sent.values().stream().filter(s -> s.answer().ok()).toList();
        List<Sent> failed = sent.values().stream().filter(s -> !s.answer().ok()).toList();
        for (Sent s : answered) {
            String ratingId = s.answer().json().get("id").asText();
            assertThat(ledger.count("ledger_engagement", "select count(*) from domain_event_entry where "
                    + "aggregate_identifier = ?", ratingId)).as("stored events of %s answered %d", ratingId,
                    s.answer().status()).isEqualTo(1);
        }
        // every command again, same key and body: the answered ones replay their first answer, the others record
        for (Sent s : sent.values()) {
            Http.Answer retry = ledger.api().post(path, s.body(), s.key());
            assertThat(retry.ok()).as("retry of %s: %s", s.key(), retry).isTrue();
            if (s.answer().ok()) {
                assertThat(retry.json().get("id").asText()).isEqualTo(s.answer().json().get("id").asText());
            }
        }
        long ratingEvents = ledger.count("ledger_engagement", "select count(*) from domain_event_entry where "
                + "payload_type like '%SatisfactionRated' and convert_from(payload, 'UTF8') like ?",
                "%\"engagementId\":\"" + engagement + "\"%");
        assertThat(ratingEvents).as("one rating event per idempotency key").isEqualTo(sent.size());
        ledger.awaitEveryEventConsumed(Duration.ofSeconds(120));
        System.out.printf("[engagement-crash] %d commands in flight: %d answered 2xx before the kill (all stored), "
                + "%d failed; after retries with the same keys %d events, one per key%n", sent.size(),
                answered.size(), failed.size(), ratingEvents);
    }
}
