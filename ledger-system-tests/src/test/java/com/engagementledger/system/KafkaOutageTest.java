package com.engagementledger.system;

import com.engagementledger.embedded.KraftBroker;
import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise: with the Kafka broker down, commands keep succeeding (the event store is the outbox); once it is back
 * every stored event reaches both consumers, and the scorecard equals a clean rebuild from the topic.
 */
@Order(1)
class KafkaOutageTest {
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "kafka.outage.lead");

    @Test
    void commands_succeed_while_kafka_is_down_and_afterwards_both_consumers_have_every_event_and_equal_a_rebuild() {
        List<String> engagements = List.of(ledger.open("Kafka outage A"), ledger.open("Kafka outage B"));
        Map<String, Integer> defects = new LinkedHashMap<>();
        List<Http.Answer> failures = new ArrayList<>();
        int commands = 0;

        KraftBroker kafka = stack.infra().kafka();
        kafka.stop();
        try {
            // ~12 s of steady commands (about 5/s) with the broker down
            Instant end = Instant.now().plusSeconds(12);
            int i = 0;
            while (Instant.now().isBefore(end)) {
                String id = engagements.get(i % 2);
                Http.Answer a = i % 3 == 0 ? ledger.recordDefect(id, i % 2 == 0, 1 + i % 5)
                        : ledger.rate(id, 1 + i % 5, 1 + i % 20);
                if (i % 3 == 0 && a.ok()) {
                    defects.merge(id, 1, Integer::sum);
                }
                if (!a.ok()) {
                    failures.add(a);
                }
                commands++;
                i++;
                sleep(200);
            }
        } finally {
            kafka.restart();
        }
        assertThat(failures).as("answers other than 2xx while Kafka was down").isEmpty();
        assertThat(commands).isGreaterThan(30);

        ledger.awaitEveryEventConsumed(Duration.ofSeconds(120));
        for (String id : engagements) {
            // notification-service counts defects per ISO week; each event counted once
            assertThat(ledger.notificationDefectsCounted(id)).isEqualTo(defects.getOrDefault(id, 0).longValue());
        }

        Map<String, JsonNode> before = new LinkedHashMap<>();
        engagements.forEach(id -> before.put(id, ledger.scorecard(id)));
        ledger.rebuildScorecard(Duration.ofSeconds(120));
        engagements.forEach(id -> assertThat(ledger.scorecard(id)).as("scorecard of %s after a rebuild", id)
                .isEqualTo(before.get(id)));
        System.out.printf("[kafka-outage] %d commands while the broker was down, all 2xx; every event consumed; "
                + "scorecards equal a rebuild%n", commands);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
