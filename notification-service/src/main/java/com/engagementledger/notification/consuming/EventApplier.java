package com.engagementledger.notification.consuming;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.notification.alerts.Sql;
import com.engagementledger.notification.rules.GovernanceRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Once-only application: the processed-event rows and every alert/schedule change commit together, for one event
 * or for a whole batch of them.
 */
@Component
class EventApplier {
    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final JdbcClient jdbc;
    private final GovernanceRules rules;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter duplicates;

    EventApplier(JdbcClient jdbc, GovernanceRules rules, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
        this.duplicates = Counter.builder("ledger.notification.events.duplicates")
                .description("events skipped because their ce_id was already applied").register(meters);
        // present at 0 from the start (the series without a type), so a rate or an alert on it has a series before
        // the first unknown type arrives; each unknown type then counts in its own series beside it
        unknown("").register(meters);
    }

    private static Counter.Builder unknown(String type) {
        return Counter.builder("ledger.notification.events.unknown").tag("type", type)
                .description("events of types this service does not know, skipped");
    }

    /** A batch in one transaction: one commit (one WAL flush) for all of it instead of one per event. */
    @Transactional
    public void applyAllOnce(List<CloudEvent> events) {
        events.forEach(this::apply);
    }

    @Transactional
    public void applyOnce(CloudEvent event) {
        apply(event);
    }

    private void apply(CloudEvent event) {
        Optional<Class<? extends LedgerEvent>> type = EventCatalog.byName(event.getType());
        if (type.isEmpty()) {
            // a newer producer may publish types this version does not know; skipping keeps the stream moving
            unknown(event.getType()).register(meters).increment();
            log.info("skipping unknown event type {} ({})", event.getType(), event.getId());
            return;
        }
        int fresh = jdbc.sql("""
                        insert into processed_event (event_id, event_type, processed_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing""")
                .param("id", event.getId()).param("type", event.getType()).param("now", Sql.ts(clock.instant()))
                .update();
        if (fresh == 0) {
            duplicates.increment();
            return;
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
        // read as the current version of its type: an older one is lifted, its business time being ce_time
        LedgerEvent payload = LedgerCloudEvents.readCurrent(type.get(), event.getData().toBytes(),
                event.getTime() == null ? null : event.getTime().toInstant());
        rules.apply(new GovernanceRules.Arrived(event.getId(), payload));
        meters.counter("ledger.notification.events.applied", "type", event.getType()).increment();
    }
}
