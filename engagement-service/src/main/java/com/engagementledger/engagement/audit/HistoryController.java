package com.engagementledger.engagement.audit;

import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An engagement's full history across its aggregates, in chain order (or global order on request): JSON pages with a
 * cursor, or a streamed export as NDJSON (verifiable with ledger-verify) or CSV.
 */
@RestController
class HistoryController {
    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_LIMIT = 1000;

    private final Engagements engagements;
    private final StoredEvents events;
    private final AuditReads reads;
    private final ObjectMapper json;

    HistoryController(Engagements engagements, StoredEvents events, AuditReads reads, ObjectMapper json) {
        this.engagements = engagements;
        this.events = events;
        this.reads = reads;
        this.json = json;
    }

    /**
     * A page of history; {@code nextCursor} is the {@code after} of the next page (a chain position in chain order, a
     * global position in global order), null at the end.
     */
    record HistoryPage(List<HistoryEntry> items, int limit, @Nullable Long nextCursor) {
    }

    @Operation(summary = "The engagement's history in chain order: a JSON page, or an NDJSON or CSV export")
    @GetMapping("/engagements/{engagementId}/history")
    @ApiResponse(responseCode = "200", description = "A page of history (JSON), or the whole filtered history as an "
            + "export: NDJSON, one entry per line (what ledger-verify checks), or CSV; chosen by format or Accept",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = HistoryPage.class)),
                    @Content(mediaType = NDJSON, schema = @Schema(implementation = HistoryEntry.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> history(Caller caller, @PathVariable String engagementId,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String family,
                              @RequestParam(required = false) String actor,
                              @RequestParam(required = false) String side,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) String limit,
                              @RequestParam(required = false) String format,
                              @RequestParam(required = false) String order,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              HttpServletRequest http) {
        HistoryFilter filter = HistoryFilter.of(type, family, actor, side, from, to, after, order);
        int pageSize = HistoryFilter.limit(limit, MAX_LIMIT);
        engagements.find(engagementId);
        reads.record(caller, engagementId, http);
        String chosen = format(format, accept);
        if (chosen.equals("ndjson")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                    .body(stream(out -> events.stream(engagementId, filter, entry -> ndjsonLine(out, entry))));
        }
        if (chosen.equals("csv")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + engagementId + ".csv\"")
                    .body(stream(out -> {
                        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        write(writer, Csv.HEADER);
                        events.stream(engagementId, filter, entry -> write(writer, Csv.row(entry, json)));
                        flush(writer);
                    }));
        }
        // a page is small (at most MAX_LIMIT entries); it is read before answering so errors are still Problems
        List<HistoryEntry> items = events.page(engagementId, filter, pageSize);
        Long next = items.size() < pageSize ? null : filter.order() == HistoryFilter.Order.GLOBAL
                ? items.get(items.size() - 1).position() : items.get(items.size() - 1).chainSeq();
        HistoryPage page = new HistoryPage(items, pageSize, next);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(out -> json.writeValue(new NonClosing(out), page));
    }

    private static String format(String format, String accept) {
        if (format != null) {
            if (!List.of("json", "ndjson", "csv").contains(format)) {
                throw ApiProblem.invalidParameter("format", FieldRule.ENUM,
                        "format must be json, ndjson or csv");
            }
            return format;
        }
        if (accept != null && accept.contains(NDJSON)) {
            return "ndjson";
        }
        if (accept != null && accept.contains("text/csv")) {
            return "csv";
        }
        return "json";
    }

    private void ndjsonLine(OutputStream out, HistoryEntry entry) {
        try {
            out.write(json.writeValueAsBytes(entry));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson closes what it writes to; the servlet container owns the response stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        /** FilterOutputStream would write the array one byte at a time. */
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The body is written after the handler returns, row by row from the cursor: nothing is held in memory. */
    private static StreamingResponseBody stream(java.util.function.Consumer<OutputStream> writer) {
        return out -> {
            writer.accept(out);
            out.flush();
        };
    }
}
