package com.engagementledger.notification.schedule;

import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pollers racing for the same passed deadlines (as several instances would) fire every one exactly once. */
class DeadlinePollerTest extends IntegrationTest {
    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlinePoller poller;
    @Autowired
    TransactionTemplate tx;

    @Test
    void concurrent_pollers_never_fire_the_same_time_rule_twice() {
        String engagement = newId();
        tx.executeWithoutResult(s -> IntStream.range(0, 60).forEach(i -> deadlines.register(new Deadline(
                new AlertCondition("governance.week8-review-due", engagement, "subject-" + i),
                clock.instant().minus(Duration.ofMinutes(1)), AlertSeverity.INFO, "due", List.of()))));

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

    @Test
    void passed_deadlines_are_claimed_earliest_first() {
        String engagement = newId();
        List<String> claimed = tx.execute(status -> {
            status.setRollbackOnly(); // uncommitted, so the running poller never sees these
            for (int second : new int[]{3, 1, 2}) {
                deadlines.register(new Deadline(new AlertCondition("governance.week8-review-due", engagement,
                        "due-at-second-" + second), Instant.EPOCH.plusSeconds(second), AlertSeverity.INFO, "due",
                        List.of()));
            }
            return deadlines.claimDue(2).stream().map(due -> due.condition().subject()).toList();
        });
        assertThat(claimed).containsExactly("due-at-second-1", "due-at-second-2");
    }
}
