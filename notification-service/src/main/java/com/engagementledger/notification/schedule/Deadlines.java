package com.engagementledger.notification.schedule;

import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one scheduler every time rule registers its deadlines with: one pending deadline per alert condition, kept in
 * PostgreSQL so that a restart between registering and firing loses nothing; {@link DeadlinePoller} fires them.
 */
@Component
public class Deadlines {
    private final JdbcClient jdbc;
    private final Clock clock;

    Deadlines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers the deadline, or moves the pending one of the same condition to it (its causes add up). */
    public void register(Deadline deadline) {
        AlertCondition condition = deadline.condition();
        jdbc.sql("""
                        insert into schedule_entry (engagement_id, rule, subject, severity, message, cause_event_ids,
                                                    due_at, created_at)
                        values (:engagement, :rule, :subject, :severity, :message, :causes, :due, :now)
                        on conflict (engagement_id, rule, subject) where state = 'PENDING'
                        do update set due_at = excluded.due_at, message = excluded.message,
                                      severity = excluded.severity,
                                      cause_event_ids = schedule_entry.cause_event_ids || excluded.cause_event_ids""")
                .param("engagement", condition.engagementId()).param("rule", condition.rule())
                .param("subject", condition.subject()).param("severity", deadline.severity().name())
                .param("message", deadline.message()).param("causes", Sql.array(deadline.causes()))
                .param("due", Sql.ts(deadline.dueAt())).param("now", Sql.ts(clock.instant()))
                .update();
    }

    /** The condition cleared before its deadline: it will not fire. */
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

    /** When the condition's pending deadline falls due, if it has one. */
    public Optional<Instant> pendingDueAt(AlertCondition condition) {
        return jdbc.sql("""
                        select due_at from schedule_entry
                        where engagement_id = :engagement and rule = :rule and subject = :subject and state = 'PENDING'""")
                .param("engagement", condition.engagementId()).param("rule", condition.rule())
                .param("subject", condition.subject())
                .query((rs, n) -> Sql.instant(rs, "due_at")).optional();
    }

    /** A deadline that has passed, claimed by one poller. */
    record Due(long id, AlertCondition condition, AlertSeverity severity, String message, List<String> causes) {
    }

    /**
     * Claims passed deadlines, the earliest first; rows locked by another instance are skipped, so none fires twice.
     * Earliest first also means: once a deadline has fired, every deadline that was due before it has fired too.
     */
    List<Due> claimDue(int limit) {
        return jdbc.sql("""
                        select id, engagement_id, rule, subject, severity, message, cause_event_ids
                        from schedule_entry where state = 'PENDING' and due_at <= :now
                        order by due_at limit :limit for update skip locked""")
                .param("now", Sql.ts(clock.instant())).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"),
                        new AlertCondition(rs.getString("rule"), rs.getString("engagement_id"), rs.getString("subject")),
                        AlertSeverity.valueOf(rs.getString("severity")), rs.getString("message"),
                        Sql.strings(rs, "cause_event_ids")))
                .list();
    }

    void markFired(long id) {
        jdbc.sql("update schedule_entry set state = 'FIRED', fired_at = :now where id = :id")
                .param("now", Sql.ts(clock.instant())).param("id", id).update();
    }
}
