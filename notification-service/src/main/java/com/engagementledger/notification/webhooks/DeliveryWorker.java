package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.alerts.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Delivers stored webhook deliveries. Due rows are leased with FOR UPDATE SKIP LOCKED (so instances never send
 * the same attempt twice), the HTTP call happens outside any transaction, and its outcome is recorded after.
 * A lease that expires (the instance died mid-call) makes the row due again: restarts lose nothing.
 */
@Component
class DeliveryWorker {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UrlGuard guard;
    private final WebhookProperties props;
    private final WebhookHttpClient http;
    private final Timer delivered;
    private final Timer failed;
    private final Counter dead;

    DeliveryWorker(JdbcClient jdbc, TransactionTemplate tx, Clock clock, UrlGuard guard, WebhookProperties props,
                   WebhookHttpClient http, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.props = props;
        this.http = http;
        this.delivered = attempts("delivered").register(meters);
        this.failed = attempts("failed").register(meters);
        this.dead = Counter.builder("ledger.notification.webhook.dead")
                .description("deliveries given up after their last retry (DEAD)").register(meters);
        Gauge.builder("ledger.notification.webhook.pending", this, DeliveryWorker::pending)
                .description("deliveries waiting for their first or next attempt, of all instances").register(meters);
    }

    private static Timer.Builder attempts(String outcome) {
        return Timer.builder("ledger.notification.webhook.attempts").tag("outcome", outcome)
                .description("webhook delivery attempts and how long the receiver took to answer");
    }

    private long pending() {
        return jdbc.sql("select count(*) from delivery where state = 'PENDING'").query(Long.class).single();
    }

    private record Claimed(UUID id, UUID subscriptionId, String messageId, String payload, int attempts,
                           Instant firstAttemptAt, String url, String secret) {
    }

    @Scheduled(fixedDelayString = "${ledger.notification.webhooks.poll-interval}",
            initialDelayString = "${ledger.notification.webhooks.poll-interval}")
    public void deliverDue() {
        try {
            List<Claimed> claimed = tx.execute(status -> claim());
            if (claimed != null) {
                claimed.forEach(this::attempt);
            }
        } catch (RuntimeException e) {
            log.warn("webhook delivery round failed", e);
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        with due as (
                            select d.id from delivery d join subscription s on s.id = d.subscription_id
                            where d.state = 'PENDING' and s.enabled and d.next_attempt_at <= :now
                              and (d.lease_until is null or d.lease_until < :now)
                            order by d.next_attempt_at limit 20
                            for update of d skip locked)
                        update delivery d set lease_until = :lease from due, subscription s
                        where d.id = due.id and s.id = d.subscription_id
                        returning d.id, d.subscription_id, d.message_id, d.payload, d.attempts, d.first_attempt_at,
                                  s.url, s.secret""")
                .param("now", Sql.ts(now)).param("lease", Sql.ts(now.plus(LEASE)))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getString("message_id"), rs.getString("payload"), rs.getInt("attempts"),
                        Sql.instant(rs, "first_attempt_at"), rs.getString("url"), rs.getString("secret")))
                .list();
    }

    private void attempt(Claimed d) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            // the URL's form here; its addresses are checked by the client's resolver, on the addresses it connects to
            URI uri = guard.parse(d.url());
            long timestamp = started.getEpochSecond();
            status = http.post(uri, Map.of(
                    "webhook-id", d.messageId(),
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSignature.sign(d.secret(), d.messageId(), timestamp, d.payload())),
                    d.payload());
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (UrlGuard.UnsafeUrl e) {
            error = e.rule() + ": " + e.getMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long durationNanos = System.nanoTime() - startedNanos;
        (error == null ? delivered : failed).record(durationNanos, TimeUnit.NANOSECONDS);
        long durationMs = durationNanos / 1_000_000;
        Integer finalStatus = status;
        String finalError = error;
        tx.executeWithoutResult(s -> record(d, started, finalStatus, finalError, durationMs));
    }

    /** A delivery whose subscription was deleted during the attempt stays CANCELLED (see Subscriptions#delete). */
    private void record(Claimed d, Instant at, Integer status, String error, long durationMs) {
        jdbc.sql("""
                        insert into delivery_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                        values (:id, :at, :status, :error, :duration)""")
                .param("id", d.id()).param("at", Sql.ts(at)).param("status", status).param("error", error)
                .param("duration", durationMs).update();
        Instant first = d.firstAttemptAt() == null ? at : d.firstAttemptAt();
        int attempts = d.attempts() + 1;
        if (error == null) {
            jdbc.sql("""
                            update delivery set state = 'SUCCEEDED', attempts = :attempts, first_attempt_at = :first,
                                   delivered_at = :at, last_status = :status, last_error = null, lease_until = null
                            where id = :id""")
                    .param("attempts", attempts).param("first", Sql.ts(first)).param("at", Sql.ts(at))
                    .param("status", status).param("id", d.id()).update();
            jdbc.sql("update subscription set consecutive_dead = 0 where id = :id").param("id", d.subscriptionId())
                    .update();
            return;
        }
        Instant next = at.plus(backoff(attempts));
        boolean dead = next.isAfter(first.plus(props.retry().maxAge()));
        jdbc.sql("""
                        update delivery set state = case when state = 'CANCELLED' then state else :state end,
                               attempts = :attempts, first_attempt_at = :first,
                               next_attempt_at = :next, last_status = :status, last_error = :error, lease_until = null
                        where id = :id""")
                .param("state", dead ? "DEAD" : "PENDING").param("attempts", attempts).param("first", Sql.ts(first))
                .param("next", Sql.ts(next)).param("status", status).param("error", error).param("id", d.id())
                .update();
        if (dead) {
            this.dead.increment();
            jdbc.sql("""
                            update subscription set consecutive_dead = consecutive_dead + 1,
                                   enabled = case when consecutive_dead + 1 >= :limit then false else enabled end,
                                   disabled_reason = case when consecutive_dead + 1 >= :limit
                                       then (consecutive_dead + 1) || ' consecutive deliveries ended DEAD; last error: '
                                            || :error
                                       else disabled_reason end
                            where id = :id and deleted_at is null""")
                    .param("limit", props.disableAfterDeadDeliveries()).param("error", error)
                    .param("id", d.subscriptionId()).update();
        }
    }

    /** initial × multiplier^(attempt-1), capped, minus up to jitter × delay so retries of many receivers spread. */
    Duration backoff(int attempt) {
        WebhookProperties.Retry retry = props.retry();
        double millis = retry.initialBackoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        millis = Math.min(millis, retry.maxBackoff().toMillis());
        millis -= millis * retry.jitter() * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) millis));
    }
}
