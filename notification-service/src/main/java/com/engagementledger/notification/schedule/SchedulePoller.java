package com.engagementledger.notification.schedule;

import com.engagementledger.notification.alerts.Alerts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Fires due time rules: claim, open the alert and mark fired in one transaction. */
@Component
public class SchedulePoller {
    private static final Logger log = LoggerFactory.getLogger(SchedulePoller.class);

    private final Schedule schedule;
    private final Alerts alerts;
    private final TransactionTemplate tx;
    private final Counter fired;

    public SchedulePoller(Schedule schedule, Alerts alerts, TransactionTemplate tx, MeterRegistry meters) {
        this.schedule = schedule;
        this.alerts = alerts;
        this.tx = tx;
        this.fired = Counter.builder("ledger.notification.schedule.fired")
                .description("time rules fired by this instance").register(meters);
    }

    @Scheduled(fixedDelayString = "${ledger.notification.schedule.poll-interval}",
            initialDelayString = "${ledger.notification.schedule.poll-interval}")
    public void fireDue() {
        try {
            Integer count;
            do {
                count = tx.execute(status -> {
                    var due = schedule.claimDue(100);
                    due.forEach(entry -> {
                        alerts.open(entry.condition(), entry.severity(), entry.message(), entry.causes());
                        schedule.markFired(entry.id());
                        fired.increment();
                    });
                    return due.size();
                });
            } while (count != null && count == 100);
        } catch (RuntimeException e) {
            // the rows stay PENDING and are claimed again on the next tick
            log.warn("firing due schedule entries failed", e);
        }
    }
}
