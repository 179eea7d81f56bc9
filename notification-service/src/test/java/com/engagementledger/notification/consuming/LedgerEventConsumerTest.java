package com.engagementledger.notification.consuming;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Once-only application, unknown types skipped and counted, poison messages to the dead-letter topic. */
class LedgerEventConsumerTest extends IntegrationTest {
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Value("${ledger.notification.consumer.group-id}")
    String group;

    @Test
    void offsets_are_committed_without_waiting_for_the_coordinator_and_still_follow_what_was_applied() {
        assertThat(listeners.getListenerContainer("ledger-events").getContainerProperties().isSyncCommits()).isFalse();
        String applied = publish(new EngineerLeft(newId(), newId(), today(), today(), 0, "left"));
        awaitApplied(applied);
        // everything published so far has been applied, so the group's commits must reach every partition's end
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> INFRA.kafka().lag(group, LedgerCloudEvents.EVENTS_TOPIC) == 0);
    }

    @Test
    void the_same_ce_id_delivered_twice_is_applied_once() {
        String engagement = newId();
        EngineerLeft left = new EngineerLeft(engagement, newId(), today().minusDays(3), today(), 3, "left");
        String eventId = newId();
        String type = EventCatalog.typeName(EngineerLeft.class);
        publish(left, eventId, type, LedgerCloudEvents.toJson(left));
        awaitApplied(eventId);
        publish(left, eventId, type, LedgerCloudEvents.toJson(left));
        // a later event on the same partition proves the duplicate was consumed before it
        String later = publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left"));
        awaitApplied(later);
        assertThat(alertCount(engagement, "onboarding.early-departure")).isEqualTo(2);
        assertThat(jdbc.sql("select array_length(cause_event_ids, 1) from alert where ? = any(cause_event_ids)")
                .params(eventId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unknown_event_types_are_skipped_and_counted() {
        String engagement = newId();
        double before = unknownCount();
        EngineerLeft left = new EngineerLeft(engagement, newId(), today(), today(), 0, "left");
        publish(left, newId(), "ledger.something.new.v9", "{}".getBytes(StandardCharsets.UTF_8));
        String later = publish(left);
        awaitApplied(later);
        await().atMost(Duration.ofSeconds(5)).until(() -> unknownCount() == before + 1);
    }

    @Test
    void a_message_that_cannot_be_applied_goes_to_the_dead_letter_topic() {
        String engagement = newId();
        EngineerLeft left = new EngineerLeft(engagement, newId(), today(), today(), 0, "left");
        String poison = newId();
        publish(left, poison, EventCatalog.typeName(EngineerLeft.class),
                "{not json".getBytes(StandardCharsets.UTF_8));
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + newId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(LedgerCloudEvents.EVENTS_TOPIC + ".dlt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : dlt.poll(Duration.ofMillis(300))) {
                    var id = record.headers().lastHeader("ce_id");
                    if (id != null && new String(id.value(), StandardCharsets.UTF_8).equals(poison)) {
                        return true;
                    }
                }
                return false;
            });
        }
        // the transaction rolled back: the poison id is not recorded as processed, and the stream moved on
        String later = publish(left);
        awaitApplied(later);
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?").params(poison)
                .query(Long.class).single()).isZero();
    }

    /**
     * Events arrive in batches applied in one transaction: a poison message in the middle of one must not take its
     * neighbours with it (applied one by one, the good ones before and after it each commit once).
     */
    @Test
    void a_poison_message_inside_a_batch_costs_only_itself() {
        String engagement = newId();
        String type = EventCatalog.typeName(EngineerLeft.class);
        List<String> good = new java.util.ArrayList<>();
        good.add(publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left")));
        good.add(publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left")));
        String poison = newId();
        publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left"), poison, type,
                "{not json".getBytes(StandardCharsets.UTF_8));
        good.add(publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left")));
        good.add(publish(new EngineerLeft(engagement, newId(), today(), today(), 0, "left")));
        good.forEach(this::awaitApplied);
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = any(?)")
                .params((Object) good.toArray(String[]::new)).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?").params(poison)
                .query(Long.class).single()).isZero();
        assertThat(alertCount(engagement, "onboarding.early-departure")).isEqualTo(4);
    }

    private double unknownCount() {
        return meters.find("ledger.notification.events.unknown").tag("type", "ledger.something.new.v9").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }
}
