package com.engagementledger.engagement.audit;

import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.support.csv.CsvCell;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CSV rows of the history; the payload is one JSON-text column. Cells are written by {@link CsvCell}: an actor or
 * name that begins like a formula is neutralised, so the export is safe to open in a spreadsheet program.
 */
final class Csv {
    static final String HEADER = "position,chainSeq,eventId,type,family,aggregateId,sequence,recordedAt,actor,"
            + "actorName,side,correlationId,payload,hash";

    private Csv() {
    }

    static String row(HistoryEntry e, ObjectMapper json) {
        String payload;
        try {
            payload = e.payload() == null ? null : json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return CsvCell.row(e.position(), e.chainSeq(), e.eventId(), e.type(), e.family(), e.aggregateId(),
                e.sequence(), e.recordedAt(), e.actor(), e.actorName(), e.side(), e.correlationId(), payload,
                e.hash());
    }
}
