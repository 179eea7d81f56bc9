package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventVersions;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Command → event store → Kafka: every event type arrives as the CloudEvent the contract describes. */
class PublicationRoundTripTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void every_event_type_arrives_with_the_contract_headers_and_body() {
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        String engagementId = new EveryEventType(api(TestTokens.lead("lead-rt")), api(TestTokens.partner("partner-rt")))
                .engagementWithEveryEvent("Round trip");
        List<String> stored = LedgerTopic.stored(jdbc, List.of(engagementId)).get(engagementId);

        List<ConsumerRecord<String, CloudEvent>> records;
        try (LedgerTopic topic = new LedgerTopic(List.of(engagementId), before)) {
            records = topic.awaitUntil(r -> LedgerTopic.ids(r).containsAll(stored), Duration.ofSeconds(60),
                    "every stored event of the engagement");
        }

        Set<String> typesSeen = new TreeSet<>();
        Map<String, DomainEventMessage<?>> storedById = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            String aggregateId = (String) event.getExtension(LedgerCloudEvents.EXT_AGGREGATE_ID);
            if (!storedById.containsKey(event.getId())) {
                eventStore.readEvents(aggregateId).asStream().forEach(m -> storedById.put(m.getIdentifier(), m));
            }
            DomainEventMessage<?> original = storedById.get(event.getId());
            assertThat(original).as("stored event for ce_id %s", event.getId()).isNotNull();
            assertMatchesContract(record, original);
            typesSeen.add(event.getType());
        }
        // the engagement's messages are exactly its stored events (duplicates allowed, nothing extra)
        assertThat(LedgerTopic.ids(records)).containsExactlyInAnyOrderElementsOf(stored);
        // publish the current version only: every current type of the catalog, and no older version of one
        assertThat(typesSeen).as("every current type of the catalog was published")
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().entrySet().stream()
                        .filter(type -> EventVersions.isCurrent(type.getValue())).map(Map.Entry::getKey).toList());
    }

    private void assertMatchesContract(ConsumerRecord<String, CloudEvent> record, DomainEventMessage<?> original) {
        LedgerEvent payload = (LedgerEvent) original.getPayload();
        CloudEvent event = record.value();
        String type = EventCatalog.typeName(payload.getClass());

        // binary mode: the attributes travel as ce_* headers, the body is the event's JSON alone
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(original.getIdentifier());
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_source")).isEqualTo(LedgerCloudEvents.SOURCE);
        assertThat(header(record, "ce_subject")).isEqualTo(payload.engagementId());
        assertThat(header(record, "content-type")).isEqualTo(LedgerCloudEvents.DATA_CONTENT_TYPE);
        assertThat(record.key()).isEqualTo(payload.engagementId());

        assertThat(event.getId()).isEqualTo(original.getIdentifier());
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).isEqualTo(URI.create(LedgerCloudEvents.SOURCE));
        assertThat(event.getSubject()).isEqualTo(payload.engagementId());
        assertThat(event.getTime()).isEqualTo(original.getTimestamp().atOffset(ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo(LedgerCloudEvents.DATA_CONTENT_TYPE);

        assertThat(event.getExtension(LedgerCloudEvents.EXT_AGGREGATE_ID)).isEqualTo(original.getAggregateIdentifier());
        assertThat(event.getExtension(LedgerCloudEvents.EXT_AGGREGATE_TYPE)).isEqualTo(original.getType());
        assertThat(LedgerTopic.extension(event, LedgerCloudEvents.EXT_AGGREGATE_SEQUENCE))
                .isEqualTo(original.getSequenceNumber());
        assertThat(LedgerTopic.extension(event, LedgerCloudEvents.EXT_GLOBAL_POSITION))
                .isEqualTo(globalIndex(original.getIdentifier()));
        assertThat(event.getExtension(LedgerCloudEvents.EXT_ACTOR)).isEqualTo(original.getMetaData().get(Metadata.ACTOR));
        assertThat(event.getExtension(LedgerCloudEvents.EXT_ACTOR_SIDE))
                .isEqualTo(original.getMetaData().get(Metadata.ACTOR_SIDE));
        assertThat(event.getExtension(LedgerCloudEvents.EXT_CORRELATION_ID))
                .isEqualTo(original.getMetaData().get(Metadata.CORRELATION_ID));
        assertThat(event.getExtension(LedgerCloudEvents.EXT_ACTOR)).as("actor of %s", type).isNotNull();

        byte[] body = event.getData().toBytes();
        assertThat(LedgerCloudEvents.fromJson(body, payload.getClass())).as("body of %s", type).isEqualTo(payload);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(new String(LedgerCloudEvents.toJson(payload), StandardCharsets.UTF_8));
    }

    private long globalIndex(String eventIdentifier) {
        return jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(eventIdentifier).query(Long.class).single();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    static Map<String, List<Long>> positionsByEngagement(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                r -> LedgerTopic.extension(r.value(), LedgerCloudEvents.EXT_GLOBAL_POSITION), Collectors.toList())));
    }
}
