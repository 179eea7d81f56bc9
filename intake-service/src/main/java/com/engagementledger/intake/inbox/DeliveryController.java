package com.engagementledger.intake.inbox;

import com.engagementledger.intake.connection.Connections;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The deliveries of a connection and their outcomes, newest first. */
@RestController
@RequestMapping("/engagements/{engagementId}/connections/{connectionId}/deliveries")
class DeliveryController {
    private static final int MAX_PAGE_SIZE = 200;
    private static final String COLUMNS = """
            delivery_id, event, received_at, status, reason, rule, commands, attempts, last_error, processed_at""";

    private final Connections connections;
    private final Inbox inbox;
    private final JdbcClient jdbc;

    DeliveryController(Connections connections, Inbox inbox, JdbcClient jdbc) {
        this.connections = connections;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @Operation(summary = "List a connection's deliveries and their outcomes")
    @GetMapping
    Page<DeliveryView> list(@PathVariable String engagementId, @PathVariable UUID connectionId,
                            @RequestParam(required = false) Outcome.Status status,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        requireConnection(engagementId, connectionId);
        if (page < 0) {
            throw ApiProblem.invalidParameter("page", FieldRule.RANGE, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidParameter("size", FieldRule.RANGE, "size must be 1 to " + MAX_PAGE_SIZE);
        }
        String statusName = status == null ? null : status.name();
        List<DeliveryView> items = jdbc.sql("select " + COLUMNS + " from inbox where connection_id = ? "
                        + "and (cast(? as text) is null or status = ?) order by seq desc offset ? limit ?")
                .params(connectionId, statusName, statusName, (long) page * size, size)
                .query(this::view).list();
        long total = jdbc.sql("select count(*) from inbox where connection_id = ? "
                        + "and (cast(? as text) is null or status = ?)")
                .params(connectionId, statusName, statusName).query(Long.class).single();
        return Page.of(items, page, size, total);
    }

    @Operation(summary = "Read one delivery and its outcome")
    @GetMapping("/{deliveryId}")
    DeliveryView show(@PathVariable String engagementId, @PathVariable UUID connectionId,
                      @PathVariable String deliveryId) {
        requireConnection(engagementId, connectionId);
        return jdbc.sql("select " + COLUMNS + " from inbox where connection_id = ? and delivery_id = ?")
                .params(connectionId, deliveryId).query(this::view).optional()
                .orElseThrow(() -> ApiProblem.notFound("delivery", deliveryId));
    }

    private void requireConnection(String engagementId, UUID connectionId) {
        if (connections.find(engagementId, connectionId).isEmpty()) {
            throw ApiProblem.notFound("connection", connectionId);
        }
    }

    private DeliveryView view(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getString("delivery_id"), rs.getString("event"),
                instant(rs.getTimestamp("received_at")), Outcome.Status.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("rule"), inbox.commands(rs.getString("commands")),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("processed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
