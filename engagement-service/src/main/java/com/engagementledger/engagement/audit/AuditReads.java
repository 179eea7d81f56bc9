package com.engagementledger.engagement.audit;

import com.engagementledger.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records every audit read by an AUDITOR token (who, which engagement, which endpoint, the answer's status, when),
 * served or refused, for ADMINs to list. Served reads are recorded by the audit controllers once the engagement is
 * found; refused ones by {@link RefusedAuditReads}.
 */
@Component
class AuditReads {
    static final String AUDITOR = "AUDITOR";
    private static final int MAX_ENDPOINT = 1000;
    /** Engagement ids are at most this long; a longer one in a refused path is kept in the endpoint only. */
    private static final int MAX_ENGAGEMENT_ID = 64;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A recorded read; {@code engagementId} is null when the endpoint names none. */
    record Read(long id, String actor, String actorName, @Nullable String engagementId, String endpoint, int status,
                Instant readAt) {
    }

    /** A served read of {@code engagementId}. */
    void record(Caller caller, String engagementId, HttpServletRequest http) {
        record(caller, engagementId, http, 200);
    }

    void record(Caller caller, String engagementId, HttpServletRequest http, int status) {
        if (!caller.hasRole(AUDITOR)) {
            return;
        }
        String endpoint = http.getMethod() + " " + http.getRequestURI()
                + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
        jdbc.sql("""
                        insert into audit_read (actor, actor_name, engagement_id, endpoint, status, read_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(caller.subject(), caller.displayName(),
                        engagementId == null || engagementId.length() > MAX_ENGAGEMENT_ID ? null : engagementId,
                        endpoint.length() > MAX_ENDPOINT ? endpoint.substring(0, MAX_ENDPOINT) : endpoint, status,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Reads by cursor; {@code scope} null is every engagement (reads that name none included), else only reads of
     * these engagements.
     */
    List<Read> list(String engagementId, String actor, List<String> scope, long after, int limit) {
        return jdbc.sql("""
                        select id, actor, actor_name, engagement_id, endpoint, status, read_at from audit_read
                        where id > :after
                          and (cast(:engagement as text) is null or engagement_id = cast(:engagement as text))
                          and (cast(:actor as text) is null or actor = cast(:actor as text))
                          and (cast(:scoped as boolean) = false or engagement_id = any(:scope))
                        order by id limit :limit""")
                .param("after", after).param("engagement", engagementId).param("actor", actor)
                .param("scoped", scope != null)
                .param("scope", scope == null ? new String[0] : scope.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> new Read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
