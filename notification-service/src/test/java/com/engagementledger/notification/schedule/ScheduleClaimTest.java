package com.engagementledger.notification.schedule;

import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pollers racing for the same due rows (as several instances would) fire every entry exactly once. */
class ScheduleClaimTest extends IntegrationTest {
    @Autowired
    Schedule schedule;
    @Autowired
    SchedulePoller poller;
    @Autowired
    TransactionTemplate tx;

    @Test
    void concurrent_pollers_never_fire_the_same_time_rule_twice() {
        String engagement = newId();
        tx.executeWithoutResult(s -> IntStream.range(0, 60).forEach(i -> schedule.at(
                new AlertCondition("governance.week8-review-due", engagement, "subject-" + i),
                clock.instant().minus(Duration.ofMinutes(1)), AlertSeverity.INFO, "due", List.of())));

        // four pollers in parallel, plus the application's own scheduled one
        CompletableFuture.allOf(IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(poller::fireDue)).toArray(CompletableFuture[]::new)).join();
        poller.fireDue();

        assertThat(jdbc.sql("select count(*) from schedule_entry where engagement_id = ? and state = 'FIRED'")
                .params(engagement).query(Long.class).single()).isEqualTo(60);
        // one OPENED change per entry: no entry was fired by two pollers
        assertThat(jdbc.sql("select count(*) from alert_change where engagement_id = ? and change_type = 'opened'")
                .params(engagement).query(Long.class).single()).isEqualTo(60);
        assertThat(jdbc.sql("select count(*) from alert_history h join alert a on a.id = h.alert_id "
                + "where a.engagement_id = ?").params(engagement).query(Long.class).single()).isEqualTo(60);
    }
}
