package com.engagementledger.notification.stream;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GET /alerts/stream: alert lifecycle changes as Server-Sent Events, only for the token's engagements. The SSE id
 * is the alert-change sequence, so Last-Event-ID resumes exactly after the last change the client saw. Each client
 * has its own cursor and is fed from the alert_change table, which also makes every instance able to serve it.
 * Sequence numbers are taken when a change is written, not when it commits, so a change can appear after a later
 * one was streamed; each poll therefore also looks back over rows written in the last seconds and sends those the
 * client has not had yet. Every open stream holds a thread's worth of polling and a connection, so one caller (token
 * subject) may hold at most {@code ledger.notification.stream.max-per-caller} of them at once on an instance: 429
 * beyond.
 */
@RestController
class AlertStream {
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    private static final int LOOKBACK_ROWS = 1000;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final JdbcClient jdbc;
    private final int maxPerCaller;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** Open streams per token subject; an entry leaves with the caller's last stream. */
    private final Map<String, Integer> openPerCaller = new ConcurrentHashMap<>();

    AlertStream(JdbcClient jdbc, MeterRegistry meters,
                @Value("${ledger.notification.stream.max-per-caller:10}") int maxPerCaller) {
        this.jdbc = jdbc;
        this.maxPerCaller = maxPerCaller;
        Gauge.builder("ledger.notification.sse.clients", clients, List::size)
                .description("SSE streams this instance is feeding").register(meters);
    }

    private static final class Client {
        final String caller;
        final AtomicBoolean closed = new AtomicBoolean();
        final SseEmitter emitter;
        final Set<String> visible;
        final long resumedAfter;
        final java.util.NavigableSet<Long> sent = new java.util.concurrent.ConcurrentSkipListSet<>();
        volatile long cursor;
        volatile long lastWrite = System.currentTimeMillis();

        Client(String caller, SseEmitter emitter, Set<String> visible, long cursor) {
            this.caller = caller;
            this.emitter = emitter;
            this.visible = visible;
            this.cursor = cursor;
            this.resumedAfter = cursor;
        }
    }

    private record Change(long seq, String type, String snapshot) {
    }

    @Operation(summary = "Follow the alerts of the token's engagements as server-sent events")
    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        long cursor = lastEventId != null ? lastEventId
                : jdbc.sql("select coalesce(max(seq), 0) from alert_change").query(Long.class).single();
        if (openPerCaller.merge(caller.subject(), 1, Integer::sum) > maxPerCaller) {
            release(caller.subject());
            throw ApiProblem.of(ProblemCatalog.RATE_LIMIT_EXCEEDED, caller.subject() + " already has " + maxPerCaller
                    + " alert streams open, the most one caller may hold; close one first");
        }
        SseEmitter emitter = new SseEmitter(0L);
        Client client = new Client(caller.subject(), emitter, caller.seesAll() ? null : caller.engagements(), cursor);
        emitter.onCompletion(() -> drop(client));
        emitter.onTimeout(() -> drop(client));
        emitter.onError(e -> drop(client));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            drop(client);
            emitter.completeWithError(e);
            return emitter;
        }
        clients.add(client);
        return emitter;
    }

    /** Forgets a client once, however many of the emitter's callbacks report its end, and frees its place. */
    private void drop(Client client) {
        if (client.closed.compareAndSet(false, true)) {
            clients.remove(client);
            release(client.caller);
        }
    }

    private void release(String caller) {
        openPerCaller.computeIfPresent(caller, (key, open) -> open <= 1 ? null : open - 1);
    }

    @Scheduled(fixedDelayString = "${ledger.notification.stream.poll-interval}")
    void push() {
        for (Client client : clients) {
            try {
                List<Change> changes = jdbc.sql("""
                                select seq, change_type, snapshot::text as snapshot from alert_change
                                where (seq > :cursor
                                       or (seq > :lookbackFloor and inserted_at > clock_timestamp() - interval '30 seconds'))
                                  and (cast(:all as boolean) or engagement_id = any(:visible))
                                  and not (seq = any(:sent))
                                order by seq limit 500""")
                        .param("cursor", client.cursor)
                        .param("lookbackFloor", Math.max(client.resumedAfter, client.cursor - LOOKBACK_ROWS))
                        .param("all", client.visible == null)
                        .param("sent", client.sent.tailSet(Math.max(client.resumedAfter, client.cursor - LOOKBACK_ROWS),
                                false).toArray(Long[]::new))
                        .param("visible", client.visible == null ? new String[0] : client.visible.toArray(String[]::new))
                        .query((rs, n) -> new Change(rs.getLong("seq"), rs.getString("change_type"),
                                rs.getString("snapshot")))
                        .list();
                for (Change change : changes) {
                    if (!client.sent.add(change.seq())) {
                        continue;
                    }
                    client.emitter.send(SseEmitter.event().id(Long.toString(change.seq()))
                            .name("alert-" + change.type()).data(change.snapshot(), MediaType.APPLICATION_JSON));
                    client.cursor = Math.max(client.cursor, change.seq());
                    client.lastWrite = System.currentTimeMillis();
                }
                client.sent.headSet(client.cursor - LOOKBACK_ROWS).clear();
                if (System.currentTimeMillis() - client.lastWrite > HEARTBEAT_MILLIS) {
                    // a comment line keeps proxies from closing an idle stream and reveals dead clients
                    client.emitter.send(SseEmitter.event().comment("heartbeat"));
                    client.lastWrite = System.currentTimeMillis();
                }
            } catch (IOException | IllegalStateException e) {
                drop(client);
            } catch (RuntimeException e) {
                log.warn("pushing alert changes to an SSE client failed", e);
            }
        }
    }
}
