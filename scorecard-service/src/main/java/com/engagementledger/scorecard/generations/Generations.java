package com.engagementledger.scorecard.generations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The generations of the read model: readers see the ACTIVE one; the consumer also feeds one being BUILT. */
@Repository
public class Generations {
    static final List<String> TABLES = List.of("processed_event", "engagement", "work_item", "work_item_reopen",
            "release", "defect", "incident", "rating", "engineer", "knowledge_transfer", "milestone", "review",
            "ownership_change", "decision");

    private final JdbcClient jdbc;

    public Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int active() {
        return jdbc.sql("SELECT id FROM generation WHERE state = 'ACTIVE'").query(Integer.class).single();
    }

    /** Read inside the consumer's transaction, so an event arriving after a rebuild began is written to both. */
    public List<Integer> writable() {
        return jdbc.sql("SELECT id FROM generation WHERE state IN ('ACTIVE', 'BUILDING') ORDER BY id")
                .query(Integer.class).list();
    }

    /** @return the new generation, or empty when a rebuild is already running. */
    @Transactional
    public Optional<Integer> startBuilding() {
        jdbc.sql("LOCK TABLE generation IN EXCLUSIVE MODE").update();
        if (jdbc.sql("SELECT count(*) FROM generation WHERE state = 'BUILDING'").query(Long.class).single() > 0) {
            return Optional.empty();
        }
        int id = jdbc.sql("SELECT COALESCE(max(id), 0) + 1 FROM generation").query(Integer.class).single();
        jdbc.sql("INSERT INTO generation (id, state) VALUES (?, 'BUILDING')").param(id).update();
        return Optional.of(id);
    }

    public void progress(int id, long eventsRead) {
        jdbc.sql("UPDATE generation SET events_read = ? WHERE id = ?").params(eventsRead, id).update();
    }

    /** The switch: one transaction retires the old generation and activates the new one. */
    @Transactional
    public List<Integer> activate(int id) {
        List<Integer> old = jdbc.sql("SELECT id FROM generation WHERE state = 'ACTIVE'").query(Integer.class).list();
        jdbc.sql("UPDATE generation SET state = 'RETIRED', finished_at = now() WHERE state = 'ACTIVE'").update();
        jdbc.sql("UPDATE generation SET state = 'ACTIVE', finished_at = now() WHERE id = ?").param(id).update();
        return old;
    }

    public void fail(int id, String message) {
        jdbc.sql("UPDATE generation SET state = 'FAILED', finished_at = now(), message = ? WHERE id = ?")
                .params(message, id).update();
    }

    /** A generation left BUILDING by a stopped process can never finish: mark it failed and free its rows. */
    public List<Integer> abandonBuilding() {
        List<Integer> ids = jdbc.sql("SELECT id FROM generation WHERE state = 'BUILDING'").query(Integer.class).list();
        ids.forEach(id -> {
            fail(id, "interrupted by a restart");
            deleteRows(id);
        });
        return ids;
    }

    public void deleteRows(int id) {
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table + " WHERE generation = ?").param(id).update());
    }

    /** A generation as an operator follows it: what it is doing, since when, and how many events it has read. */
    public record Status(int generation, String state, Instant startedAt, @Nullable Instant finishedAt,
                         long eventsRead, @Nullable String message) {
    }

    public Optional<Status> describe(int id) {
        return jdbc.sql("SELECT id, state, started_at, finished_at, events_read, message FROM generation WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Status(rs.getInt("id"), rs.getString("state"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getLong("events_read"), rs.getString("message")))
                .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
