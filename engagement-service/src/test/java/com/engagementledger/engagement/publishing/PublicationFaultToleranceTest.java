package com.engagementledger.engagement.publishing;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.KraftBroker;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.engagement.EngagementServiceApplication;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import static com.engagementledger.engagement.publishing.EveryEventType.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least once, in order per engagement: neither a broker outage, nor a stopped publisher, nor a service instance
 * stopped mid-burst loses an event.
 */
class PublicationFaultToleranceTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void commands_succeed_while_kafka_is_down_and_every_event_arrives_in_order_after_it_returns() {
        Api lead = api(TestTokens.lead("lead-outage"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        List<String> engagements = open(lead, "Outage", 3);
        try (LedgerTopic topic = new LedgerTopic(engagements, before)) {
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
        Api lead = api(TestTokens.lead("lead-restart"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        List<String> engagements = open(lead, "Restart", 3);
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        try (LedgerTopic topic = new LedgerTopic(engagements, before)) {
            AtomicBoolean stopped = new AtomicBoolean();
            CompletableFuture<Void> burst = burst(stopped, engagements, (engagementId, round) ->
                    review(lead, engagementId, round));
            try {
                // stop in the middle: some of the burst is published, the rest is still being written
                topic.awaitUntil(r -> r.size() >= 3 + 6, Duration.ofSeconds(60), "the first part of the burst");
                publisher.shutDown();
                stopped.set(true);
                int publishedWhenStopped = topic.pollFor(Duration.ofSeconds(1)).size();
                burst.get(120, TimeUnit.SECONDS);
                assertThat(topic.pollFor(Duration.ofSeconds(2))).as("nothing is published while stopped")
                        .hasSize(publishedWhenStopped);
                Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
                int storedCount = stored.values().stream().mapToInt(List::size).sum();
                assertThat(storedCount).as("events were stored while the publisher was stopped")
                        .isGreaterThan(publishedWhenStopped);
                System.out.printf("[publisher restart] stopped after %d of %d events were published%n",
                        publishedWhenStopped, storedCount);
            } finally {
                stopped.set(true);
                publisher.start();
            }
            Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
            List<ConsumerRecord<String, CloudEvent>> records = topic.awaitUntil(
                    r -> LedgerTopic.deliveries(r, stored).stream().allMatch(d -> d.missing().isEmpty()),
                    Duration.ofSeconds(60), "every event stored while the publisher was stopped");
            assertDeliveredInOrder("publisher restart", records, stored);
        }
    }

    @Test
    void a_service_instance_stopped_mid_burst_loses_nothing_when_the_service_starts_again() throws Exception {
        String token = TestTokens.lead("lead-instance");
        Api lead = api(token);
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        List<String> engagements = open(lead, "Instance", 3);
        StreamingEventProcessor localPublisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        try (LedgerTopic topic = new LedgerTopic(engagements, before)) {
            // a second instance of the service on the same database becomes the only publisher
            localPublisher.shutDown();
            ConfigurableApplicationContext instance = startInstance();
            AtomicBoolean stopped = new AtomicBoolean();
            try {
                int instancePort = ((WebServerApplicationContext) instance).getWebServer().getPort();
                AtomicReference<Api> target = new AtomicReference<>(new Api(instancePort, token));
                CompletableFuture<Void> burst = burst(stopped, engagements, (engagementId, round) ->
                        reviewSomewhere(target, lead, engagementId, round));
                topic.awaitUntil(r -> r.size() >= 3 + 6, Duration.ofSeconds(60),
                        "the first part of the burst, published by the second instance");
                instance.close();
                stopped.set(true);
                int publishedWhenStopped = topic.pollFor(Duration.ofSeconds(1)).size();
                burst.get(120, TimeUnit.SECONDS);
                int storedCount = LedgerTopic.stored(jdbc, engagements).values().stream().mapToInt(List::size).sum();
                assertThat(storedCount).as("events were stored while no instance published")
                        .isGreaterThan(publishedWhenStopped);
                System.out.printf("[instance restart] the instance stopped after %d of %d events were published%n",
                        publishedWhenStopped, storedCount);
            } finally {
                stopped.set(true);
                instance.close();
                // the service starts publishing again from the token the stopped instance committed
                localPublisher.start();
            }
            Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
            List<ConsumerRecord<String, CloudEvent>> records = topic.awaitUntil(
                    r -> LedgerTopic.deliveries(r, stored).stream().allMatch(d -> d.missing().isEmpty()),
                    Duration.ofSeconds(60), "every event stored around the instance's stop");
            assertDeliveredInOrder("instance restart", records, stored);
        } finally {
            localPublisher.start();
        }
    }

    /**
     * Governance reviews, round after round over the engagements, in the background: it keeps going until the
     * publisher has stopped and then records four more rounds, so events are stored both before and after the stop.
     */
    private static CompletableFuture<Void> burst(AtomicBoolean stopped, List<String> engagements,
                                                 BiFunction<String, Integer, Api.Response> review) {
        return CompletableFuture.runAsync(() -> {
            int roundsAfterStop = 0;
            for (int round = 0; round < 300 && roundsAfterStop < 4; round++) {
                if (stopped.get()) {
                    roundsAfterStop++;
                }
                for (String engagementId : engagements) {
                    ok(review.apply(engagementId, round));
                }
            }
        });
    }

    /** Sends to the second instance while it is up; once it is gone, to this one (as a load balancer would). */
    private static Api.Response reviewSomewhere(AtomicReference<Api> target, Api fallback, String engagementId,
                                                int round) {
        try {
            Api.Response response = review(target.get(), engagementId, round);
            if (response.status() < 500) {
                return response;
            }
        } catch (IllegalStateException instanceDown) {
            // connection refused: the instance has stopped
        }
        target.set(fallback);
        return review(fallback, engagementId, round);
    }

    private static ConfigurableApplicationContext startInstance() {
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        // command-line arguments, because application.yml's own defaults outrank SpringApplicationBuilder.properties
        return new SpringApplicationBuilder(EngagementServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + infra.postgres().jdbcUrl("ledger_engagement"),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                "--ledger.security.jwt-secret=" + TestTokens.SECRET);
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
