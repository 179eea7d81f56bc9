package com.engagementledger.engagement.audit;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.engagement.audit.chain.CanonicalEvent;
import com.engagementledger.engagement.audit.chain.ChainLink;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of an engagement's history, as JSON, NDJSON line or CSV row. It carries everything the canonical form
 * needs and the event's chain link, so an NDJSON export can be verified offline. {@code missing} is true when the
 * engagement's index names an event whose row is gone from the store.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(long position, Long chainSeq, String eventId, String type, String family,
                           String aggregateId, long sequence, String recordedAt, String actor, String actorName,
                           String side, String correlationId, String payloadType, JsonNode metadata,
                           JsonNode payload, String prevHash, String hash, Boolean missing) {

    static String familyOf(String type) {
        return type == null ? null : EventCatalog.family(type);
    }

    /** The chain link this entry claims, for a verifier; entries without a link (never chained) give null. */
    @JsonIgnore
    public ChainLink link() {
        if (chainSeq == null) {
            return null;
        }
        CanonicalEvent event = Boolean.TRUE.equals(missing) ? null
                : new CanonicalEvent(eventId, payloadType, aggregateId, sequence, recordedAt, metadata, payload);
        return new ChainLink(chainSeq, position, eventId, prevHash, hash, event);
    }
}
