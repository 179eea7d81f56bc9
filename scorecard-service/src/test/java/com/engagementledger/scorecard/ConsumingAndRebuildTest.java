package com.engagementledger.scorecard;

import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.scorecard.support.TwelveWeekHistory;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each event applied once, bad messages dead-lettered, unknown types skipped, rebuilds that change no number. */
class ConsumingAndRebuildTest extends IntegrationTest {
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void offsets_are_committed_without_waiting_for_the_coordinator_and_still_follow_what_was_applied() {
        assertThat(listeners.getListenerContainer("scorecard-events").getContainerProperties().isSyncCommits())
                .isFalse();
        String engagement = UUID.randomUUID().toString();
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            awaitApplied(List.of(publisher.publish(new SatisfactionRated(engagement, "r", "CTO", 4,
                    LocalDate.parse("2026-03-26"), ""), Instant.parse("2026-03-26T10:00:00Z"), "cto", "CLIENT")));
        }
        // everything published so far has been applied, so the group's commits must reach every partition's end
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> INFRA.kafka().lag("scorecard", LedgerCloudEvents.EVENTS_TOPIC) == 0);
    }

    @Test
    void poison_message_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_messages_are_applied() {
        String engagement = UUID.randomUUID().toString();
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            List<String> opened = TwelveWeekHistory.publish(publisher, engagement, "Poison case").subList(0, 1);
            String poison = publisher.publishRaw(engagement, "ledger.delivery.satisfaction-rated.v1",
                    "{\"engagementId\": \"".getBytes(StandardCharsets.UTF_8));
            String next = publisher.publish(new SatisfactionRated(engagement, "late-rating", "CTO", 1,
                    LocalDate.parse("2026-03-26"), ""), Instant.parse("2026-03-26T10:00:00Z"), "cto", "CLIENT");
            awaitApplied(List.of(opened.get(0), next));

            ConsumerRecord<String, byte[]> dead = findOnDeadLetterTopic(poison);
            String reason = new String(dead.headers().lastHeader("ledger_dlt_reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("body is not a valid ledger.delivery.satisfaction-rated.v1");
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
            assertThat(dead.key()).isEqualTo(engagement);
        }
    }

    @Test
    void unknown_event_types_are_skipped_and_counted() {
        String engagement = UUID.randomUUID().toString();
        String type = "ledger.delivery.velocity-measured.v7";
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            publisher.publishRaw(engagement, type, "{\"engagementId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            String next = publisher.publish(new SatisfactionRated(engagement, "r", "CTO", 4,
                    LocalDate.parse("2026-03-26"), ""), Instant.parse("2026-03-26T10:00:00Z"), "cto", "CLIENT");
            awaitApplied(List.of(next));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("scorecard.events.unknown")
                    .tag("type", type).counter() != null);
            assertThat(meters.find("scorecard.events.unknown").tag("type", type).counter().count()).isEqualTo(1.0);
        }
        HttpResponse<String> prometheus = get("/actuator/prometheus", TestTokens.admin("admin-1"), "text/plain");
        assertThat(prometheus.body()).contains("scorecard_events_unknown_total");
    }

    @Test
    void rebuild_from_the_beginning_of_the_topic_changes_no_number_and_switches_generation() {
        String engagement = UUID.randomUUID().toString();
        String token = leadOf(engagement);
        List<String> published;
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            published = TwelveWeekHistory.publish(publisher, engagement, "Rebuild case");
            awaitApplied(published);
        }
        String scorecard = get("/scorecards/" + engagement, token).body();
        String weekly = get("/scorecards/" + engagement + "/weekly", token).body();
        String evidence = get("/scorecards/" + engagement + "/measures/incident-trend/evidence", token).body();
        int before = jdbc.sql("SELECT id FROM generation WHERE state = 'ACTIVE'").query(Integer.class).single();

        assertThat(post("/admin/rebuild", token).statusCode()).isEqualTo(403);
        HttpResponse<String> started = post("/admin/rebuild", TestTokens.admin("admin-1"));
        assertThat(started.statusCode()).isEqualTo(202);
        int generation = json(started).path("generation").asInt();
        assertThat(generation).isGreaterThan(before);
        // while it builds, the old generation keeps answering
        assertThat(get("/scorecards/" + engagement, token).body()).isEqualTo(scorecard);

        AtomicReference<String> state = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            state.set(json(get("/admin/rebuilds/" + generation, TestTokens.admin("admin-1"))).path("state").asText());
            return !state.get().equals("BUILDING");
        });
        assertThat(state.get()).isEqualTo("ACTIVE");
        // the status speaks camelCase like every other answer
        JsonNode status = json(get("/admin/rebuilds/" + generation, TestTokens.admin("admin-1")));
        List<String> fields = new ArrayList<>();
        status.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("generation", "state", "startedAt", "finishedAt", "eventsRead",
                "message");
        assertThat(status.path("generation").asInt()).isEqualTo(generation);
        assertThat(status.path("eventsRead").asLong()).isGreaterThanOrEqualTo(published.size());
        assertThat(Instant.parse(status.path("finishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(status.path("startedAt").asText()));
        assertThat(get("/scorecards/" + engagement, token).body()).isEqualTo(scorecard);
        assertThat(get("/scorecards/" + engagement + "/weekly", token).body()).isEqualTo(weekly);
        assertThat(get("/scorecards/" + engagement + "/measures/incident-trend/evidence", token).body())
                .isEqualTo(evidence);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE generation = ?").param(before)
                .query(Long.class).single()).isZero();
    }

    /** A rebuild takes no options: a body other than none or {} is refused before anything starts. */
    @Test
    void a_rebuild_request_with_a_body_it_does_not_understand_is_400() {
        String admin = TestTokens.admin("admin-1");
        long generations = jdbc.sql("SELECT count(*) FROM generation").query(Long.class).single();
        for (String body : List.of("{\"from\": ", "{\"fromOffset\": 0}", "[]", "\"now\"", "{} trailing")) {
            HttpResponse<String> refused = post("/admin/rebuild", admin, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(body)
                    .startsWith("application/problem+json");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM generation").query(Long.class).single()).isEqualTo(generations);
    }

    private ConsumerRecord<String, byte[]> findOnDeadLetterTopic(String eventId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LedgerCloudEvents.EVENTS_TOPIC + ".dlt"));
            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var id = record.headers().lastHeader("ce_id");
                    if (id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }
}
