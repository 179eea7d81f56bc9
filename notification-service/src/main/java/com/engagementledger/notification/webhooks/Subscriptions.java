package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.alerts.AlertChanged;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Sql;
import com.engagementledger.notification.publishing.AlertCloudEvents;
import com.engagementledger.support.web.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions and their deliveries; fan-out runs inside the alert change's own transaction. */
@Component
class Subscriptions {
    public record Subscription(UUID id, String url, List<String> engagements, List<String> rules,
                               AlertSeverity minSeverity, String ownerSub, List<String> ownerScope, boolean enabled,
                               @Nullable String disabledReason, Instant createdAt, @Nullable Instant deletedAt) {
    }

    public record Attempt(Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error, long durationMs) {
    }

    public record Delivery(UUID id, UUID subscriptionId, String messageId, String eventType, String state,
                           int attempts, @Nullable Instant nextAttemptAt, @Nullable Integer lastStatus,
                           @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt,
                           List<Attempt> attemptLog) {
    }

    static final RowMapper<Subscription> SUBSCRIPTION = (rs, n) -> new Subscription(rs.getObject("id", UUID.class),
            rs.getString("url"), Sql.strings(rs, "engagements"), Sql.strings(rs, "rules"),
            AlertSeverity.valueOf(rs.getString("min_severity")), rs.getString("owner_sub"),
            Sql.strings(rs, "owner_scope"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "deleted_at"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public Subscriptions(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    UUID create(String url, String secret, List<String> engagements, List<String> rules, AlertSeverity minSeverity,
                String ownerSub, List<String> ownerScope) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscription (id, url, secret, engagements, rules, min_severity, owner_sub,
                                                  owner_scope, created_at)
                        values (:id, :url, :secret, :engagements, :rules, :min, :owner, :scope, :now)""")
                .param("id", id).param("url", url).param("secret", secret).param("engagements", Sql.array(engagements))
                .param("rules", Sql.array(rules)).param("min", minSeverity.name()).param("owner", ownerSub)
                .param("scope", Sql.array(ownerScope)).param("now", Sql.ts(clock.instant())).update();
        return id;
    }

    Optional<Subscription> find(UUID id) {
        // a deleted subscription stays readable (with deletedAt), for the record
        return jdbc.sql("select * from subscription where id = :id").param("id", id).query(SUBSCRIPTION).optional();
    }

    /**
     * The subscriptions of one owner (of everyone for {@code all}) that a token covers as it is now, oldest first;
     * deleted ones are not listed. {@code scope} is the token's engagements; {@code seesAll} a {@code *} token, the
     * only one that covers a subscription without an engagement filter.
     */
    Page<Subscription> ownedBy(String sub, boolean all, boolean seesAll, List<String> scope, int page, int size) {
        String where = """
                (:all or owner_sub = :sub) and deleted_at is null
                and (:seesAll or (cardinality(engagements) > 0 and engagements <@ cast(:scope as text[])))""";
        long total = jdbc.sql("select count(*) from subscription where " + where)
                .param("all", all).param("sub", sub).param("seesAll", seesAll).param("scope", Sql.array(scope))
                .query(Long.class).single();
        List<Subscription> items = jdbc.sql("select * from subscription where " + where
                        + " order by created_at, id limit :limit offset :offset")
                .param("all", all).param("sub", sub).param("seesAll", seesAll).param("scope", Sql.array(scope))
                .param("limit", size).param("offset", (long) page * size)
                .query(SUBSCRIPTION).list();
        return Page.of(items, page, size, total);
    }

    String secret(UUID id) {
        return jdbc.sql("select secret from subscription where id = :id").param("id", id).query(String.class).single();
    }

    void enable(UUID id) {
        jdbc.sql("update subscription set enabled = true, disabled_reason = null, consecutive_dead = 0 where id = :id")
                .param("id", id).update();
    }

    /**
     * Deleted is disabled for good: no alert is fanned out to it and no delivery sent (both need it enabled). It, its
     * deliveries and their attempts stay readable, for the record; those still waiting end CANCELLED, so none looks
     * pending. Deleting again changes nothing.
     */
    void delete(UUID id, String by) {
        jdbc.sql("""
                        update subscription set enabled = false, disabled_reason = 'deleted by ' || :by,
                                                deleted_at = :now, deleted_by = :by
                        where id = :id and deleted_at is null""")
                .param("id", id).param("by", by).param("now", Sql.ts(clock.instant())).update();
        jdbc.sql("""
                        update delivery set state = 'CANCELLED', lease_until = null, last_error = 'subscription deleted'
                        where subscription_id = :id and state = 'PENDING'""")
                .param("id", id).update();
    }

    /** Stores one PENDING delivery per matching enabled subscription before anything is attempted. */
    @EventListener
    public void onAlertChanged(AlertChanged change) {
        var alert = change.alert();
        List<String> allowed = java.util.Arrays.stream(AlertSeverity.values())
                .filter(s -> alert.severity().atLeast(s)).map(Enum::name).toList();
        List<UUID> matching = jdbc.sql("""
                        select id from subscription
                        where enabled
                          and (cardinality(engagements) = 0 or :engagement = any(engagements))
                          and ('*' = any(owner_scope) or :engagement = any(owner_scope))
                          and (cardinality(rules) = 0 or :rule = any(rules))
                          and min_severity = any(:allowed)""")
                .param("engagement", alert.engagementId()).param("rule", alert.rule())
                .param("allowed", allowed.toArray(String[]::new)).query(UUID.class).list();
        if (matching.isEmpty()) {
            return;
        }
        String body = structuredCloudEvent(change);
        Instant now = clock.instant();
        for (UUID subscription : matching) {
            jdbc.sql("""
                            insert into delivery (id, subscription_id, message_id, event_type, payload, state,
                                                  next_attempt_at, created_at)
                            values (:id, :subscription, :message, :type, :payload, 'PENDING', :now, :now)""")
                    .param("id", UUID.randomUUID()).param("subscription", subscription)
                    .param("message", "msg_" + change.changeId()).param("type", change.cloudEventType())
                    .param("payload", body).param("now", Sql.ts(now)).update();
        }
    }

    /** CloudEvents JSON (structured mode) body of a webhook. */
    private String structuredCloudEvent(AlertChanged change) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", change.changeId().toString());
        event.put("type", AlertCloudEvents.type(change.changeType()));
        event.put("source", AlertCloudEvents.SOURCE.toString());
        event.put("subject", change.alert().engagementId());
        event.put("time", change.at().toString());
        event.put("datacontenttype", "application/json");
        event.put(AlertCloudEvents.EXT_ALERT_ID, change.alert().id().toString());
        event.put(AlertCloudEvents.EXT_SEQUENCE, change.seq());
        event.set("data", json.valueToTree(change.alert()));
        return event.toString();
    }

    /** A subscription's deliveries, newest first, with each one's attempts. */
    Page<Delivery> deliveries(UUID subscriptionId, int page, int size) {
        long total = jdbc.sql("select count(*) from delivery where subscription_id = :id")
                .param("id", subscriptionId).query(Long.class).single();
        List<Delivery> deliveries = jdbc.sql("""
                        select * from delivery where subscription_id = :id order by created_at desc, id
                        limit :limit offset :offset""")
                .param("id", subscriptionId).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getString("message_id"), rs.getString("event_type"), rs.getString("state"),
                        rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "delivered_at"), null))
                .list();
        List<Delivery> items = deliveries.stream().map(d -> new Delivery(d.id(), d.subscriptionId(), d.messageId(), d.eventType(),
                d.state(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.createdAt(),
                d.deliveredAt(), jdbc.sql("""
                                select attempted_at, status_code, error, duration_ms from delivery_attempt
                                where delivery_id = :id order by id""")
                        .param("id", d.id())
                        .query((rs, n) -> new Attempt(Sql.instant(rs, "attempted_at"),
                                (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms")))
                        .list())).toList();
        return Page.of(items, page, size, total);
    }

    /** A fresh PENDING copy of a delivery (same webhook-id, so receivers can de-duplicate). */
    Optional<UUID> redeliver(UUID subscriptionId, UUID deliveryId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int copied = jdbc.sql("""
                        insert into delivery (id, subscription_id, message_id, event_type, payload, state,
                                              next_attempt_at, created_at)
                        select :id, subscription_id, message_id, event_type, payload, 'PENDING', :now, :now
                        from delivery where id = :delivery and subscription_id = :subscription""")
                .param("id", id).param("now", Sql.ts(now)).param("delivery", deliveryId)
                .param("subscription", subscriptionId).update();
        return copied == 1 ? Optional.of(id) : Optional.empty();
    }
}
