package com.engagementledger.notification.schedule;

import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Time rules as rows: "open this alert at due_at unless cancelled first". Kept in PostgreSQL so that a restart
 * between scheduling and firing loses nothing.
 */
@Component
public class Schedule {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Schedule(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Schedules (or moves) the pending entry of a condition to dueAt. */
    public void at(AlertCondition condition, Instant dueAt, AlertSeverity severity, String message,
                   List<String> causes) {
        jdbc.sql("""
                        insert into schedule_entry (engagement_id, rule, subject, severity, message, cause_event_ids,
                                                    due_at, created_at)
                        values (:engagement, :rule, :subject, :severity, :message, :causes, :due, :now)
                        on conflict (engagement_id, rule, subject) where state = 'PENDING'
                        do update set due_at = excluded.due_at, message = excluded.message,
                                      severity = excluded.severity,
                                      cause_event_ids = schedule_entry.cause_event_ids || excluded.cause_event_ids""")
                .param("engagement", condition.engagementId()).param("rule", condition.rule())
                .param("subject", condition.subject()).param("severity", severity.name()).param("message", message)
                .param("causes", Sql.array(causes)).param("due", Sql.ts(dueAt)).param("now", Sql.ts(clock.instant()))
                .update();
    }

    public void cancel(AlertCondition condition) {
        jdbc.sql("""
                        update schedule_entry set state = 'CANCELLED'
                        where engagement_id = :engagement and rule = :rule and subject = :subject and state = 'PENDING'""")
                .param("engagement", condition.engagementId()).param("rule", condition.rule())
                .param("subject", condition.subject()).update();
    }

    public void cancelAll(String engagementId) {
        jdbc.sql("update schedule_entry set state = 'CANCELLED' where engagement_id = :engagement and state = 'PENDING'")
                .param("engagement", engagementId).update();
    }

    /** A due entry, claimed by one poller. */
    record Entry(long id, AlertCondition condition, AlertSeverity severity, String message, List<String> causes) {
    }

    /** Claims due entries; rows locked by another instance are skipped, so no alert fires twice. */
    List<Entry> claimDue(int limit) {
        return jdbc.sql("""
                        select id, engagement_id, rule, subject, severity, message, cause_event_ids
                        from schedule_entry where state = 'PENDING' and due_at <= :now
                        order by due_at limit :limit for update skip locked""")
                .param("now", Sql.ts(clock.instant())).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"),
                        new AlertCondition(rs.getString("rule"), rs.getString("engagement_id"), rs.getString("subject")),
                        AlertSeverity.valueOf(rs.getString("severity")), rs.getString("message"),
                        Sql.strings(rs, "cause_event_ids")))
                .list();
    }

    void markFired(long id) {
        jdbc.sql("update schedule_entry set state = 'FIRED', fired_at = :now where id = :id")
                .param("now", Sql.ts(clock.instant())).param("id", id).update();
    }

    /** For tests and operators: the pending due time of a condition. */
    public java.util.Optional<Instant> pendingDueAt(AlertCondition condition) {
        return jdbc.sql("""
                        select due_at from schedule_entry
                        where engagement_id = :engagement and rule = :rule and subject = :subject and state = 'PENDING'""")
                .param("engagement", condition.engagementId()).param("rule", condition.rule())
                .param("subject", condition.subject())
                .query((rs, n) -> Sql.instant(rs, "due_at")).optional();
    }
}
