package com.engagementledger.audit;

import com.engagementledger.contract.EventCatalog;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of an engagement's history, as a JSON item, an NDJSON export line or a CSV row. It carries everything
 * the canonical form needs and the event's chain link, so an export can be verified without the service.
 * {@code missing} is true when the history names an event whose row is gone from the store.
 * <p>
 * The fields an auditor reads are either hashed or derived from what is: {@code actor}, {@code actorName},
 * {@code side} and {@code correlationId} are the hashed metadata's values, {@code family} is the type's second
 * segment, and {@code type} and {@code position} are hashed by link version 2 (a version-1 link's type must be
 * the contract's name for its hashed payload type). {@link #readableFieldMismatch()} names the first that is not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(long position, Long chainSeq, String eventId, String type, String family,
                           String aggregateId, long sequence, String recordedAt, String actor, String actorName,
                           String side, String correlationId, String payloadType, JsonNode metadata,
                           JsonNode payload, String prevHash, String hash, Integer linkVersion, Boolean missing) {

    /** Metadata keys of the readable fields, as engagement-service writes them on every event. */
    public static final String ACTOR = "actor";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_SIDE = "actorSide";
    public static final String CORRELATION_ID = "correlationId";

    private static final Map<String, String> TYPE_OF_PAYLOAD = new HashMap<>();

    static {
        EventCatalog.all().forEach((name, type) -> TYPE_OF_PAYLOAD.put(type.getName(), name));
    }

    /**
     * An entry of a stored event: the readable fields are read from {@code metadata} (parsed), while
     * {@code metadataAsWritten} and {@code payloadAsWritten} are what the entry carries (parsed, or the stored text).
     */
    public static HistoryEntry stored(long position, Long chainSeq, Integer linkVersion, String prevHash, String hash,
                                      String type, String eventId, String aggregateId, long sequence,
                                      String recordedAt, String payloadType, JsonNode metadata,
                                      JsonNode metadataAsWritten, JsonNode payloadAsWritten) {
        return new HistoryEntry(position, chainSeq, eventId, type, familyOf(type), aggregateId, sequence, recordedAt,
                text(metadata, ACTOR), text(metadata, ACTOR_NAME), text(metadata, ACTOR_SIDE),
                text(metadata, CORRELATION_ID), payloadType, metadataAsWritten, payloadAsWritten, prevHash, hash,
                linkVersion, null);
    }

    /** An entry whose event row is gone: what the history's index and the chain still say about it. */
    public static HistoryEntry missing(long position, Long chainSeq, Integer linkVersion, String prevHash, String hash,
                                       String type, String eventId, String aggregateId, Long sequence,
                                       String recordedAt) {
        return new HistoryEntry(position, chainSeq, eventId, type, familyOf(type), aggregateId,
                sequence == null ? 0 : sequence, recordedAt, null, null, null, null, null, null, null, prevHash, hash,
                linkVersion, true);
    }

    /** The family is the second segment of the type: {@code ledger.decision.accepted.v1} gives {@code decision}. */
    public static String familyOf(String type) {
        return type == null ? null : EventCatalog.family(type);
    }

    /** The canonical form of the event this entry shows; null when the event is missing. */
    @JsonIgnore
    public CanonicalEvent event() {
        return Boolean.TRUE.equals(missing) ? null
                : new CanonicalEvent(eventId, payloadType, aggregateId, sequence, recordedAt, metadata, payload);
    }

    /** The hash this entry's link must have after {@code prevHash}; null when it cannot have one. */
    @JsonIgnore
    public String expectedHash(String prevHash) {
        CanonicalEvent event = event();
        return event == null || linkVersion == null ? null
                : LinkHash.of(linkVersion, prevHash, position, type, event);
    }

    /** This entry linked into a chain at {@code chainSeq} after {@code prevHash}, with the current link version. */
    public HistoryEntry linked(long chainSeq, String prevHash) {
        HistoryEntry versioned = new HistoryEntry(position, chainSeq, eventId, type, family, aggregateId, sequence,
                recordedAt, actor, actorName, side, correlationId, payloadType, metadata, payload, prevHash, null,
                LinkHash.CURRENT, missing);
        return new HistoryEntry(position, chainSeq, eventId, type, family, aggregateId, sequence, recordedAt, actor,
                actorName, side, correlationId, payloadType, metadata, payload, prevHash,
                versioned.expectedHash(prevHash), LinkHash.CURRENT, missing);
    }

    /**
     * The first readable field whose value is not what the hashed content gives, or null when all are. Fields the
     * link's hash covers itself (type and position from version 2 on) are left to the hash.
     */
    @JsonIgnore
    public String readableFieldMismatch() {
        if (Boolean.TRUE.equals(missing)) {
            return null;
        }
        if (!Objects.equals(actor, text(metadata, ACTOR))) {
            return "actor";
        }
        if (!Objects.equals(actorName, text(metadata, ACTOR_NAME))) {
            return "actorName";
        }
        if (!Objects.equals(side, text(metadata, ACTOR_SIDE))) {
            return "side";
        }
        if (!Objects.equals(correlationId, text(metadata, CORRELATION_ID))) {
            return "correlationId";
        }
        if (!Objects.equals(family, familyOf(type))) {
            return "family";
        }
        if (Objects.equals(linkVersion, LinkHash.V1) && !Objects.equals(type, TYPE_OF_PAYLOAD.get(payloadType))) {
            return "type";
        }
        return null;
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
