package com.engagementledger.notification.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Alerts for operators: how many are in each state (read from the database, so every instance shows the same
 * numbers) and how many lifecycle changes this instance committed, each present at 0 from the start.
 */
@Component
class AlertMetrics {
    static final String BY_STATE = "ledger.notification.alerts";
    static final String CHANGES = "ledger.notification.alert.changes";

    private final JdbcClient jdbc;
    private final Map<String, Counter> changes;

    AlertMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (AlertState state : AlertState.values()) {
            Gauge.builder(BY_STATE, () -> count(state)).description("alerts in the state, of all instances")
                    .tag("state", state.name()).register(meters);
        }
        this.changes = List.of(AlertChanged.OPENED, AlertChanged.ACKNOWLEDGED, AlertChanged.RESOLVED).stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), change -> Counter.builder(CHANGES)
                        .description("alert lifecycle changes committed by this instance").tag("change", change)
                        .register(meters)));
    }

    /** Counted once the change committed: a rolled-back change never happened. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AlertChanged change) {
        Counter counter = changes.get(change.changeType());
        if (counter != null) {
            counter.increment();
        }
    }

    private long count(AlertState state) {
        return jdbc.sql("select count(*) from alert where state = :state").param("state", state.name())
                .query(Long.class).single();
    }
}
