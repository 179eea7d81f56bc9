package com.engagementledger.engagement.publishing;

import com.engagementledger.embedded.KraftBroker;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.engagementledger.engagement.publishing.EveryEventType.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** At least once, in order per engagement: neither a broker outage nor a stopped publisher loses an event. */
class PublicationFaultToleranceTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void commands_succeed_while_kafka_is_down_and_every_event_arrives_in_order_after_it_returns() {
        Api lead = api(tokens.lead("lead-outage"));
        List<String> engagements = open(lead, "Outage", 3);
        try (LedgerTopic topic = new LedgerTopic(engagements)) {
            KraftBroker kafka = LedgerInfrastructure.shared().kafka();
            kafka.stop();
            try {
                for (int round = 0; round < 4; round++) {
                    for (String engagementId : engagements) {
                        long started = System.nanoTime();
                        ok(review(lead, engagementId, round));
                        // the command path never waits for Kafka
                        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                    }
                }
            } finally {
                kafka.restart();
            }
            Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
            assertThat(stored.values()).allSatisfy(ids -> assertThat(ids).hasSize(5));
            List<ConsumerRecord<String, CloudEvent>> records = topic.awaitUntil(
                    r -> LedgerTopic.deliveries(r, stored).stream().allMatch(d -> d.missing().isEmpty()),
                    Duration.ofSeconds(120), "every event stored while Kafka was down");
            assertDeliveredInOrder("Kafka outage", records, stored);
        }
    }

    @Test
    void events_stored_while_the_publisher_is_stopped_mid_burst_arrive_after_it_starts_again() throws Exception {
        Api lead = api(tokens.lead("lead-restart"));
        List<String> engagements = open(lead, "Restart", 3);
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        try (LedgerTopic topic = new LedgerTopic(engagements)) {
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 12; round++) {
                    for (String engagementId : engagements) {
                        ok(review(lead, engagementId, round));
                    }
                }
            });
            try {
                // stop in the middle: some of the burst is published, the rest is still being written
                topic.awaitUntil(r -> r.size() >= 3 + 6, Duration.ofSeconds(60), "the first part of the burst");
                publisher.shutDown();
                assertThat(burst).as("the burst is still running when the publisher stops").isNotDone();
                int publishedWhenStopped = topic.pollFor(Duration.ofSeconds(1)).size();
                burst.get();
                assertThat(topic.pollFor(Duration.ofSeconds(2))).as("nothing is published while stopped")
                        .hasSize(publishedWhenStopped);
                Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
                int storedCount = stored.values().stream().mapToInt(List::size).sum();
                assertThat(storedCount).isEqualTo(3 * 13).isGreaterThan(publishedWhenStopped);
                System.out.printf("[publisher restart] stopped after %d of %d events were published%n",
                        publishedWhenStopped, storedCount);
            } finally {
                publisher.start();
                burst.join();
            }
            Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
            List<ConsumerRecord<String, CloudEvent>> records = topic.awaitUntil(
                    r -> LedgerTopic.deliveries(r, stored).stream().allMatch(d -> d.missing().isEmpty()),
                    Duration.ofSeconds(60), "every event stored while the publisher was stopped");
            assertDeliveredInOrder("publisher restart", records, stored);
        }
    }

    private static void assertDeliveredInOrder(String scenario, List<ConsumerRecord<String, CloudEvent>> records,
                                               Map<String, List<String>> stored) {
        List<LedgerTopic.Delivery> deliveries = LedgerTopic.deliveries(records, stored);
        int duplicates = deliveries.stream().mapToInt(LedgerTopic.Delivery::duplicates).sum();
        System.out.printf("[%s] %d messages for %d stored events, %d duplicates: %s%n", scenario, records.size(),
                stored.values().stream().mapToInt(List::size).sum(), duplicates, deliveries);
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.missing()).as("missing events of %s", d.engagementId()).isEmpty();
            assertThat(d.inOrder()).as("order of %s", d.engagementId()).isTrue();
        });
    }

    private static List<String> open(Api lead, String name, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ok(lead.post("/engagements", Scenario.engagement(name + " " + i))).id());
        }
        return ids;
    }

    private static Api.Response review(Api lead, String engagementId, int round) {
        return lead.post("/engagements/" + engagementId + "/governance-reviews", Map.of("kind", "WEEKLY_METRICS",
                "heldOn", "2026-08-10", "attendees", List.of("lead"), "outcomes", List.of("round " + round)));
    }
}
