package com.engagementledger.engagement.audit;

import com.engagementledger.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records every audit read by an AUDITOR token (who, which engagement, which endpoint, when) for ADMINs to list. */
@Component
class AuditReads {
    static final String AUDITOR = "AUDITOR";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A recorded read. */
    record Read(long id, String actor, String actorName, String engagementId, String endpoint, Instant readAt) {
    }

    void record(Caller caller, String engagementId, HttpServletRequest http) {
        if (!caller.hasRole(AUDITOR)) {
            return;
        }
        String endpoint = http.getMethod() + " " + http.getRequestURI()
                + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
        jdbc.sql("insert into audit_read (actor, actor_name, engagement_id, endpoint, read_at) values (?, ?, ?, ?, ?)")
                .params(caller.subject(), caller.displayName(), engagementId,
                        endpoint.length() > 1000 ? endpoint.substring(0, 1000) : endpoint,
                        Timestamp.from(clock.instant()))
                .update();
    }

    List<Read> list(String engagementId, String actor, long after, int limit) {
        return jdbc.sql("""
                        select id, actor, actor_name, engagement_id, endpoint, read_at from audit_read
                        where id > :after
                          and (cast(:engagement as text) is null or engagement_id = cast(:engagement as text))
                          and (cast(:actor as text) is null or actor = cast(:actor as text))
                        order by id limit :limit""")
                .param("after", after).param("engagement", engagementId).param("actor", actor)
                .param("limit", limit)
                .query((rs, n) -> new Read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
