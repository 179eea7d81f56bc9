package com.engagementledger.engagement.view;

import com.engagementledger.support.problem.ApiProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Written written = written().get(kind + '/' + id);
        if (written != null) {
            return Optional.of(new Stored<>(id, written.engagementId(), written.version(), read(written.state(), type)));
        }
        return jdbc.sql("select id, engagement_id, version, state::text from resource_view where kind = ? and id = ?")
                .params(kind, id)
                .query((rs, n) -> new Stored<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        read(rs.getString(4), type)))
                .optional();
    }

    /** A resource of the engagement in the path; one of another engagement is not found here (404). */
    public <V> Stored<V> findIn(String kind, String id, String engagementId, Class<V> type) {
        return find(kind, id, type).filter(stored -> stored.engagementId().equals(engagementId))
                .orElseThrow(() -> ApiProblem.notFound(kind, id));
    }

    /** The version of a view (0 if there is none yet), without reading its document. */
    public long version(String kind, String id) {
        Written written = written().get(kind + '/' + id);
        if (written != null) {
            return written.version();
        }
        return jdbc.sql("select version from resource_view where kind = ? and id = ?")
                .params(kind, id).query(Long.class).optional().orElse(0L);
    }

    /**
     * Refuses a resource that is not one of the engagement's (404, as for an unknown one): a token that may touch
     * engagement A must not reach B's resources through A's path.
     */
    public void requireIn(String kind, String id, String engagementId) {
        boolean in = jdbc.sql("select engagement_id from resource_view where kind = ? and id = ?")
                .params(kind, id).query(String.class).optional().filter(engagementId::equals).isPresent();
        if (!in) {
            throw ApiProblem.notFound(kind, id);
        }
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
        String document = write(state);
        written().put(kind + '/' + id, new Written(engagementId, version, document));
        jdbc.sql("""
                        insert into resource_view (kind, id, engagement_id, version, state, created_at, updated_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (kind, id) do update
                          set version = excluded.version, state = excluded.state, updated_at = excluded.updated_at""")
                .params(kind, id, engagementId, version, document, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    private record Written(String engagementId, long version, String state) {
    }

    /**
     * The views this transaction has written, so the command that wrote them (the answered version) and a second
     * event on the same resource read them back without a round trip. Each view is written only by the events of
     * the one aggregate it shows, so no other transaction can change it before this one commits. Outside a
     * transaction there is nothing to remember.
     */
    private Map<String, Written> written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, Written> views = (Map<String, Written>) TransactionSynchronizationManager.getResource(this);
        if (views == null) {
            Map<String, Written> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ViewStore.this);
                }
            });
            views = bound;
        }
        return views;
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
