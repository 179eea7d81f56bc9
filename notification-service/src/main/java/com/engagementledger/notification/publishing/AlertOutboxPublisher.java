package com.engagementledger.notification.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.notification.alerts.AlertChanged;
import com.engagementledger.notification.alerts.Sql;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the alert_change outbox to governance.alerts.v1 (CloudEvents binary mode, key = engagement id, acks=all).
 * A change is marked published only after the broker acknowledged it, so every committed change is sent at
 * least once, in sequence order per instance; consumers de-duplicate on ce_id. A drain starts as soon as a change
 * commits; the poll only catches what that missed (a failed send, another instance's rows).
 */
@Component
class AlertOutboxPublisher {
    private static final Logger log = LoggerFactory.getLogger(AlertOutboxPublisher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alert-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainRequested = new AtomicBoolean();

    public AlertOutboxPublisher(JdbcClient jdbc, TransactionTemplate tx, Clock clock, KafkaProperties properties,
                                MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        Map<String, Object> producer = new HashMap<>(properties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        DefaultKafkaProducerFactory<String, CloudEvent> factory = new DefaultKafkaProducerFactory<>(producer);
        factory.addListener(new MicrometerProducerListener<>(meters));
        this.kafka = new KafkaTemplate<>(factory);
    }

    private record Pending(long seq, UUID changeId, UUID alertId, String engagementId, String changeType,
                           String snapshot, java.time.Instant at) {
    }

    /** A change committed: drain now (changes that commit meanwhile join the next drain). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onCommitted(AlertChanged change) {
        if (drainRequested.compareAndSet(false, true)) {
            drainer.execute(() -> {
                drainRequested.set(false);
                drain();
            });
        }
    }

    @PreDestroy
    void stop() {
        drainer.shutdownNow();
    }

    /** One drain at a time, so that changes leave in sequence order. */
    @Scheduled(fixedDelayString = "${ledger.notification.outbox.poll-interval}",
            initialDelayString = "${ledger.notification.outbox.poll-interval}")
    public synchronized void drain() {
        try {
            tx.executeWithoutResult(status -> {
                List<Pending> pending = jdbc.sql("""
                                select seq, change_id, alert_id, engagement_id, change_type, snapshot::text as snapshot, at
                                from alert_change where published_at is null
                                order by seq limit 200 for update skip locked""")
                        .query((rs, n) -> new Pending(rs.getLong("seq"), rs.getObject("change_id", UUID.class),
                                rs.getObject("alert_id", UUID.class), rs.getString("engagement_id"),
                                rs.getString("change_type"), rs.getString("snapshot"), Sql.instant(rs, "at")))
                        .list();
                List<CompletableFuture<?>> sends = pending.stream()
                        .<CompletableFuture<?>>map(p -> kafka.send(LedgerCloudEvents.ALERTS_TOPIC, p.engagementId(),
                                AlertCloudEvents.of(p.seq(), p.changeId(), p.changeType(), p.engagementId(),
                                        p.alertId(), p.at(), p.snapshot())))
                        .toList();
                for (int i = 0; i < sends.size(); i++) {
                    try {
                        sends.get(i).get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("publishing alert change " + pending.get(i).seq() + " failed",
                                e);
                    }
                }
                if (!pending.isEmpty()) {
                    jdbc.sql("update alert_change set published_at = :now where seq = any(:seqs)")
                            .param("now", Sql.ts(clock.instant()))
                            .param("seqs", pending.stream().mapToLong(Pending::seq).toArray()).update();
                }
            });
        } catch (RuntimeException e) {
            // unpublished rows stay in the outbox and are retried on the next tick
            log.warn("draining the alert outbox failed: {}", e.getMessage());
        }
    }
}
