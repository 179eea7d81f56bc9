package com.engagementledger.scorecard.support;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes events as engagement-service does: CloudEvents 1.0 in Kafka binary mode through the SDK's serializer,
 * key = engagement id. Keeps what it sent so that a test can send the very same messages again.
 */
public final class LedgerPublisher implements AutoCloseable {
    public static final String TOPIC = LedgerCloudEvents.EVENTS_TOPIC;
    private static final AtomicLong GLOBAL_POSITION = new AtomicLong();

    private final KafkaProducer<String, CloudEvent> producer;
    private final KafkaProducer<String, byte[]> raw;
    private final List<CloudEvent> sent = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public LedgerPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one event recorded at {@code recordedAt} by {@code actor}; returns its ce_id. */
    public String publish(LedgerEvent event, Instant recordedAt, String actor, String actorSide) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(EventCatalog.typeName(event.getClass()))
                .withSource(URI.create(LedgerCloudEvents.SOURCE))
                .withTime(recordedAt.atOffset(ZoneOffset.UTC))
                .withSubject(event.engagementId())
                .withDataContentType(LedgerCloudEvents.DATA_CONTENT_TYPE)
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_ID, event.engagementId())
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_TYPE, "Engagement")
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_SEQUENCE, sequence.getAndIncrement())
                .withExtension(LedgerCloudEvents.EXT_GLOBAL_POSITION, GLOBAL_POSITION.incrementAndGet())
                .withExtension(LedgerCloudEvents.EXT_ACTOR, actor)
                .withExtension(LedgerCloudEvents.EXT_ACTOR_SIDE, actorSide)
                .withExtension(LedgerCloudEvents.EXT_CORRELATION_ID, UUID.randomUUID().toString())
                .withData(LedgerCloudEvents.toJson(event))
                .build();
        send(cloudEvent);
        sent.add(cloudEvent);
        return cloudEvent.getId();
    }

    /** Sends every message again, same ce_id and all: what a redelivery or a replay looks like. */
    public void republishAll() {
        sent.forEach(this::send);
        producer.flush();
    }

    /** A message with the headers of a known type and the given raw body; returns its ce_id. */
    public String publishRaw(String engagementId, String type, byte[] body) {
        return publishRaw(engagementId, type, body, Instant.now());
    }

    /** As {@link #publishRaw(String, String, byte[])}, recorded ({@code ce_time}) at {@code recordedAt}. */
    public String publishRaw(String engagementId, String type, byte[] body, Instant recordedAt) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, engagementId, body);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", LedgerCloudEvents.SOURCE);
        header(record, "ce_subject", engagementId);
        header(record, "ce_time", recordedAt.toString());
        header(record, "content-type", LedgerCloudEvents.DATA_CONTENT_TYPE);
        try {
            raw.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public List<String> sentIds() {
        return sent.stream().map(CloudEvent::getId).toList();
    }

    private void send(CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, event.getSubject(), event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}
