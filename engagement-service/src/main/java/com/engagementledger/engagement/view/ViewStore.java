package com.engagementledger.engagement.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The resource_view table: one JSON document per resource, with the version (last sequence number) it reflects. */
@Component
public class ViewStore {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ViewStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored view and the aggregate version it reflects (the ETag of the resource). */
    public record Stored<V>(String id, String engagementId, long version, V state) {
    }

    public <V> Optional<Stored<V>> find(String kind, String id, Class<V> type) {
        return jdbc.sql("select id, engagement_id, version, state::text from resource_view where kind = ? and id = ?")
                .params(kind, id)
                .query((rs, n) -> new Stored<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        read(rs.getString(4), type)))
                .optional();
    }

    /** Views of one kind in one engagement, oldest first, with an optional status filter. */
    public <V> List<Stored<V>> list(String kind, String engagementId, String status, Class<V> type, int offset,
                                    int limit) {
        return jdbc.sql("""
                        select id, engagement_id, version, state::text from resource_view
                        where kind = :kind and engagement_id = :engagement
                          and (cast(:status as text) is null or state->>'status' = cast(:status as text))
                        order by created_at, id offset :offset limit :limit""")
                .param("kind", kind).param("engagement", engagementId).param("status", status)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Stored<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        read(rs.getString(4), type)))
                .list();
    }

    public long count(String kind, String engagementId, String status) {
        return jdbc.sql("""
                        select count(*) from resource_view where kind = :kind and engagement_id = :engagement
                          and (cast(:status as text) is null or state->>'status' = cast(:status as text))""")
                .param("kind", kind).param("engagement", engagementId).param("status", status)
                .query(Long.class).single();
    }

    /** Engagement views visible to a token: all of them ("*") or those in its list. */
    public <V> List<Stored<V>> listEngagements(List<String> ids, boolean all, Class<V> type, int offset, int limit) {
        String filter = all ? "" : " and id = any(:ids)";
        return jdbc.sql("select id, engagement_id, version, state::text from resource_view where kind = 'engagement'"
                        + filter + " order by created_at, id offset :offset limit :limit")
                .param("ids", all ? new String[0] : ids.toArray(String[]::new))
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Stored<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        read(rs.getString(4), type)))
                .list();
    }

    public long countEngagements(List<String> ids, boolean all) {
        String filter = all ? "" : " and id = any(:ids)";
        return jdbc.sql("select count(*) from resource_view where kind = 'engagement'" + filter)
                .param("ids", all ? new String[0] : ids.toArray(String[]::new))
                .query(Long.class).single();
    }

    void save(String kind, String id, String engagementId, long version, Object state, Instant at) {
        jdbc.sql("""
                        insert into resource_view (kind, id, engagement_id, version, state, created_at, updated_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (kind, id) do update
                          set version = excluded.version, state = excluded.state, updated_at = excluded.updated_at""")
                .params(kind, id, engagementId, version, write(state), Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    private <V> V read(String text, Class<V> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable view of type " + type.getSimpleName(), e);
        }
    }

    private String write(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view cannot be written", e);
        }
    }
}
