package com.engagementledger.notification.schedule;

import com.engagementledger.notification.alerts.Alerts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Fires passed deadlines: claim, raise the alert and mark fired in one transaction. */
@Component
class DeadlinePoller {
    private static final Logger log = LoggerFactory.getLogger(DeadlinePoller.class);
    private static final int BATCH = 100;

    private final Deadlines deadlines;
    private final Alerts alerts;
    private final TransactionTemplate tx;
    private final Counter fired;

    DeadlinePoller(Deadlines deadlines, Alerts alerts, TransactionTemplate tx, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.tx = tx;
        this.fired = Counter.builder("ledger.notification.schedule.fired")
                .description("time rules fired by this instance").register(meters);
    }

    @Scheduled(fixedDelayString = "${ledger.notification.schedule.poll-interval}",
            initialDelayString = "${ledger.notification.schedule.poll-interval}")
    void fireDue() {
        try {
            Integer count;
            do {
                count = tx.execute(status -> {
                    List<Deadlines.Due> due = deadlines.claimDue(BATCH);
                    due.forEach(deadline -> {
                        alerts.open(deadline.condition(), deadline.severity(), deadline.message(), deadline.causes());
                        deadlines.markFired(deadline.id());
                        fired.increment();
                    });
                    return due.size();
                });
            } while (count != null && count == BATCH);
        } catch (RuntimeException e) {
            // the rows stay PENDING and are claimed again on the next tick
            log.warn("firing passed deadlines failed", e);
        }
    }
}
