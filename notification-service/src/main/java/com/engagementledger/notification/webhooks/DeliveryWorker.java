package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.alerts.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
    private final HttpClient http;

    DeliveryWorker(JdbcClient jdbc, TransactionTemplate tx, Clock clock, UrlGuard guard, WebhookProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.props = props;
        // redirects are not followed: a redirect could point past the SSRF guard
        this.http = HttpClient.newBuilder().connectTimeout(props.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
            // checked again on the address the name resolves to now, not only when subscribing
            URI uri = guard.check(d.url());
            long timestamp = started.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(props.requestTimeout())
                    .header("content-type", "application/cloudevents+json")
                    .header("webhook-id", d.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(d.secret(), d.messageId(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (UrlGuard.UnsafeUrl e) {
            error = e.rule() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
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
