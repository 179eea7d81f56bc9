package com.engagementledger.notification.alerts;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.web.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The alert store and its lifecycle: open once per condition, acknowledge, resolve (by a person or the rule). */
@Component
public class Alerts {
    static final RowMapper<AlertView> ROW = (rs, n) -> new AlertView(
            rs.getObject("id", UUID.class), rs.getString("rule"), rs.getString("engagement_id"),
            rs.getString("subject"), AlertSeverity.valueOf(rs.getString("severity")), rs.getString("message"),
            Sql.strings(rs, "cause_event_ids"), AlertState.valueOf(rs.getString("state")),
            Sql.instant(rs, "opened_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "resolved_at"), null);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    public Alerts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    /** Opens an alert unless one for the same condition is unresolved (then only its causes grow). */
    @Transactional
    public Optional<UUID> open(AlertCondition condition, AlertSeverity severity, String message, List<String> causes) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into alert (id, rule, engagement_id, subject, severity, message, cause_event_ids, state,
                                           dedupe_key, opened_at, updated_at)
                        values (:id, :rule, :engagement, :subject, :severity, :message, :causes, 'OPEN', :key, :now, :now)
                        on conflict (dedupe_key) where state <> 'RESOLVED' do nothing""")
                .param("id", id).param("rule", condition.rule()).param("engagement", condition.engagementId())
                .param("subject", condition.subject()).param("severity", severity.name()).param("message", message)
                .param("causes", Sql.array(causes)).param("key", condition.dedupeKey()).param("now", Sql.ts(now))
                .update();
        if (inserted == 0) {
            jdbc.sql("""
                            update alert set cause_event_ids = cause_event_ids || :causes
                            where dedupe_key = :key and state <> 'RESOLVED'""")
                    .param("causes", Sql.array(causes)).param("key", condition.dedupeKey()).update();
            return Optional.empty();
        }
        recordChange(id, null, AlertState.OPEN, Actor.SYSTEM, null, AlertChanged.OPENED, now);
        return Optional.of(id);
    }

    /** The rule's condition cleared: resolve the unresolved alert for it, if any. */
    @Transactional
    public void clear(AlertCondition condition, String causeEventId, String note) {
        jdbc.sql("select id from alert where dedupe_key = :key and state <> 'RESOLVED' for update")
                .param("key", condition.dedupeKey()).query(UUID.class).optional()
                .ifPresent(id -> resolve(id, Actor.SYSTEM, note, causeEventId));
    }

    /** Resolves every unresolved alert of an engagement (it was closed), optionally only of one rule. */
    @Transactional
    public void clearAll(String engagementId, String rule, String causeEventId, String note) {
        jdbc.sql("""
                        select id from alert where engagement_id = :engagement and state <> 'RESOLVED'
                          and (cast(:rule as text) is null or rule = :rule) order by opened_at for update""")
                .param("engagement", engagementId).param("rule", rule).query(UUID.class).list()
                .forEach(id -> resolve(id, Actor.SYSTEM, note, causeEventId));
    }

    @Transactional
    public AlertView acknowledge(UUID id, Actor actor) {
        AlertState state = lockState(id);
        if (state != AlertState.OPEN) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "alert.lifecycle.acknowledge-requires-open", null,
                    "alert " + id + " is " + state + "; only an OPEN alert can be acknowledged");
        }
        Instant now = clock.instant();
        jdbc.sql("update alert set state = 'ACKNOWLEDGED', updated_at = :now where id = :id")
                .param("now", Sql.ts(now)).param("id", id).update();
        recordChange(id, state, AlertState.ACKNOWLEDGED, actor, null, AlertChanged.ACKNOWLEDGED, now);
        return find(id).orElseThrow();
    }

    @Transactional
    public AlertView resolve(UUID id, Actor actor, String note) {
        return resolve(id, actor, note, null);
    }

    private AlertView resolve(UUID id, Actor actor, String note, String causeEventId) {
        AlertState state = lockState(id);
        if (state == AlertState.RESOLVED) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "alert.lifecycle.already-resolved", null,
                    "alert " + id + " is already RESOLVED");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update alert set state = 'RESOLVED', updated_at = :now, resolved_at = :now,
                               cause_event_ids = case when cast(:cause as text) is null then cause_event_ids
                                                      else array_append(cause_event_ids, cast(:cause as text)) end
                        where id = :id""")
                .param("now", Sql.ts(now)).param("cause", causeEventId).param("id", id).update();
        recordChange(id, state, AlertState.RESOLVED, actor, note, AlertChanged.RESOLVED, now);
        return find(id).orElseThrow();
    }

    private AlertState lockState(UUID id) {
        return jdbc.sql("select state from alert where id = :id for update").param("id", id).query(String.class)
                .optional().map(AlertState::valueOf).orElseThrow(() -> ApiProblem.notFound("alert", id));
    }

    private void recordChange(UUID id, AlertState from, AlertState to, Actor actor, String note, String changeType,
                              Instant now) {
        jdbc.sql("""
                        insert into alert_history (alert_id, from_state, to_state, actor, actor_side, note, at)
                        values (:id, :from, :to, :actor, :side, :note, :at)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor.id()).param("side", actor.side()).param("note", note).param("at", Sql.ts(now))
                .update();
        AlertView view = find(id).orElseThrow();
        UUID changeId = UUID.randomUUID();
        long seq = jdbc.sql("""
                        insert into alert_change (change_id, alert_id, engagement_id, change_type, snapshot, at)
                        values (:changeId, :id, :engagement, :type, cast(:snapshot as jsonb), :at) returning seq""")
                .param("changeId", changeId).param("id", id).param("engagement", view.engagementId())
                .param("type", changeType).param("snapshot", write(view)).param("at", Sql.ts(now))
                .query(Long.class).single();
        events.publishEvent(new AlertChanged(seq, changeId, changeType, view, now));
    }

    private String write(AlertView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<AlertView> find(UUID id) {
        return jdbc.sql("select * from alert where id = :id").param("id", id).query(ROW).optional();
    }

    public Optional<AlertView> findWithHistory(UUID id) {
        return find(id).map(alert -> alert.withHistory(jdbc.sql("""
                        select from_state, to_state, actor, actor_side, note, at from alert_history
                        where alert_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new AlertView.HistoryEntry(
                        rs.getString("from_state") == null ? null : AlertState.valueOf(rs.getString("from_state")),
                        AlertState.valueOf(rs.getString("to_state")), rs.getString("actor"),
                        rs.getString("actor_side"), rs.getString("note"), Sql.instant(rs, "at")))
                .list()));
    }

    /** Filter of the list endpoint; null fields do not filter. visible == null means every engagement. */
    public record Filter(Set<String> visible, String engagementId, String rule, AlertState state,
                         AlertSeverity minSeverity, Instant openedFrom, Instant openedTo) {
    }

    public Page<AlertView> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.visible() != null) {
            where.append(" and engagement_id = any(?)");
            params.add(filter.visible().toArray(String[]::new));
        }
        if (filter.engagementId() != null) {
            where.append(" and engagement_id = ?");
            params.add(filter.engagementId());
        }
        if (filter.rule() != null) {
            where.append(" and rule = ?");
            params.add(filter.rule());
        }
        if (filter.state() != null) {
            where.append(" and state = ?");
            params.add(filter.state().name());
        }
        if (filter.minSeverity() != null) {
            List<String> allowed = java.util.Arrays.stream(AlertSeverity.values())
                    .filter(s -> s.atLeast(filter.minSeverity())).map(Enum::name).toList();
            where.append(" and severity = any(?)");
            params.add(allowed.toArray(String[]::new));
        }
        if (filter.openedFrom() != null) {
            where.append(" and opened_at >= ?");
            params.add(Sql.ts(filter.openedFrom()));
        }
        if (filter.openedTo() != null) {
            where.append(" and opened_at < ?");
            params.add(Sql.ts(filter.openedTo()));
        }
        long total = jdbc.sql("select count(*) from alert" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AlertView> items = jdbc.sql("select * from alert" + where + " order by opened_at desc, id limit ? offset ?")
                .params(pageParams).query(ROW).list();
        return Page.of(items, page, size, total);
    }
}
