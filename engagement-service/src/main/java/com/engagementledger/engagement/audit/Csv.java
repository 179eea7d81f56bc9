package com.engagementledger.engagement.audit;

import com.engagementledger.audit.HistoryEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV rows of the history (RFC 4180 quoting); the payload is one JSON-text column. */
final class Csv {
    static final String HEADER = "position,chainSeq,eventId,type,family,aggregateId,sequence,recordedAt,actor,"
            + "actorName,side,correlationId,payload,hash";

    private Csv() {
    }

    static String row(HistoryEntry e, ObjectMapper json) {
        String payload;
        try {
            payload = e.payload() == null ? "" : json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return Stream.of(e.position(), e.chainSeq(), e.eventId(), e.type(), e.family(), e.aggregateId(),
                        e.sequence(), e.recordedAt(), e.actor(), e.actorName(), e.side(), e.correlationId(), payload,
                        e.hash())
                .map(v -> quote(Objects.toString(v, "")))
                .collect(Collectors.joining(","));
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
