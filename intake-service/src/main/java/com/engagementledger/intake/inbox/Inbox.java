package com.engagementledger.intake.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries, written before anything is done with them and processed afterwards, in order per connection. The
 * source's delivery id is the key: a redelivery finds its row and adds nothing.
 */
@Repository
public class Inbox {
    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Inbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps a verified delivery; false when this connection already has one with that id (a redelivery). */
    public boolean accept(UUID connectionId, String deliveryId, String event, byte[] payload) {
        return jdbc.sql("""
                        insert into inbox (connection_id, delivery_id, event, payload, received_at, status)
                        values (?, ?, ?, ?, ?, 'PENDING')
                        on conflict (connection_id, delivery_id) do nothing""")
                .params(connectionId, deliveryId, event, payload, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** The connections that have deliveries waiting, the one waiting longest first. */
    public List<UUID> connectionsWithPending() {
        return jdbc.sql("""
                        select connection_id from inbox where status = 'PENDING'
                        group by connection_id order by min(seq)""")
                .query(UUID.class).list();
    }

    /**
     * The connection's oldest waiting delivery, locked until the caller's transaction ends, so a second instance
     * skips the connection instead of processing its next delivery out of order. Call it in a transaction.
     */
    public Optional<Delivery> lockNext(UUID connectionId) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(connectionId.toString()).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select seq, connection_id, delivery_id, event, payload, received_at from inbox
                        where connection_id = ? and status = 'PENDING' order by seq limit 1""")
                .param(connectionId)
                .query((rs, n) -> new Delivery(rs.getLong("seq"), rs.getObject("connection_id", UUID.class),
                        rs.getString("delivery_id"), rs.getString("event"), rs.getBytes("payload"),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
    }

    public void record(long seq, Outcome outcome) {
        jdbc.sql("""
                        update inbox set status = ?, reason = ?, rule = ?, commands = cast(? as jsonb),
                          attempts = attempts + 1, last_error = null, processed_at = ?
                        where seq = ?""")
                .params(outcome.status().name(), outcome.reason(), outcome.rule(), toJson(outcome.commands()),
                        Timestamp.from(clock.instant()), seq)
                .update();
    }

    /** An attempt that could not finish (engagement-service unreachable): the delivery stays waiting. */
    public void attemptFailed(long seq, String error) {
        jdbc.sql("update inbox set attempts = attempts + 1, last_error = ? where seq = ? and status = 'PENDING'")
                .params(error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, seq)
                .update();
    }

    String toJson(List<Outcome.SentCommand> commands) {
        try {
            return json.writeValueAsString(commands);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Outcome.SentCommand> commands(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable commands of a delivery", e);
        }
    }
}
