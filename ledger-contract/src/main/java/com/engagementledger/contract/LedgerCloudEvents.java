package com.engagementledger.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * How a ledger event travels as a CloudEvent 1.0 (Kafka binary mode: {@code ce_*} headers, JSON data).
 * Extension names follow the CloudEvents naming rule (lower-case letters and digits only).
 */
public final class LedgerCloudEvents {
    public static final String SOURCE = "urn:engagement-ledger:engagement-service";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String EXT_AGGREGATE_ID = "aggregateid";
    public static final String EXT_AGGREGATE_TYPE = "aggregatetype";
    public static final String EXT_AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String EXT_GLOBAL_POSITION = "globalposition";
    public static final String EXT_ACTOR = "actor";
    public static final String EXT_ACTOR_SIDE = "actorside";
    public static final String EXT_CORRELATION_ID = "correlationid";

    /** Kafka topic of the ledger's events; key = engagement id. */
    public static final String EVENTS_TOPIC = "engagement.events.v1";
    /** Kafka topic of governance alert lifecycle changes; key = engagement id. */
    public static final String ALERTS_TOPIC = "governance.alerts.v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a tolerant reader: fields added by a newer producer of the same version are ignored
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LedgerCloudEvents() {
    }

    /** The contract's JSON mapping (ISO-8601 dates and times, unknown fields ignored). */
    public static ObjectMapper json() {
        return JSON;
    }

    public static byte[] toJson(LedgerEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event, e);
        }
    }

    public static <E extends LedgerEvent> E fromJson(byte[] data, Class<E> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + EventCatalog.typeName(type) + " body", e);
        }
    }

    /**
     * A body of {@code type}, as the current version of that type: a body of an older version is lifted by
     * {@link EventVersions} first, with {@code recordedAt} (the message's {@code ce_time}) as the moment it was
     * recorded. Consumers read every version through here and handle only the current records.
     */
    public static LedgerEvent readCurrent(Class<? extends LedgerEvent> type, byte[] data, Instant recordedAt) {
        if (EventVersions.isCurrent(type)) {
            return fromJson(data, type);
        }
        try {
            JsonNode tree = JSON.readTree(data);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a " + EventCatalog.typeName(type) + " body is a JSON object");
            }
            EventVersions.Lifted lifted = EventVersions.lift(type, object, recordedAt);
            return JSON.treeToValue(lifted.data(), lifted.type());
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + EventCatalog.typeName(type) + " body", e);
        }
    }
}
