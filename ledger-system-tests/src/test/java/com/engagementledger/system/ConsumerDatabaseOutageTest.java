package com.engagementledger.system;

import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise: while a consumer's PostgreSQL refuses connections, the consumer retries without skipping, and once the
 * database is back both read models converge on every stored event. The outage is made on the shared server with
 * {@code ALTER DATABASE … ALLOW_CONNECTIONS false} plus {@code pg_terminate_backend} of the pooled connections.
 * The stack runs the consumers with compressed windows (3 s to get a connection, 3 s of retries before the
 * dead-letter topic; see SystemStack), so this 30-second outage outlasts them: before the consumers waited out an unreachable
 * database, it dead-lettered (skipped) events and this test failed ("scorecard misses 4, notification misses 4").
 */
@Order(4)
class ConsumerDatabaseOutageTest {
    static final int OUTAGE_SECONDS = Integer.getInteger("ledger.db-outage.seconds", 30);
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "db.outage.lead");

    @Test
    void consumers_whose_database_is_down_for_a_while_retry_skip_nothing_and_converge() {
        List<String> engagements = List.of(ledger.open("DB outage A"), ledger.open("DB outage B"));
        ledger.awaitEveryEventConsumed(Duration.ofSeconds(60));
        Map<String, Integer> defects = new LinkedHashMap<>();
        int commands = 0;
        block("ledger_scorecard");
        block("ledger_notification");
        try {
            Instant end = Instant.now().plusSeconds(OUTAGE_SECONDS);
            int i = 0;
            while (Instant.now().isBefore(end)) {
                String id = engagements.get(i % 2);
                boolean defect = i % 2 == 0;
                boolean ok = defect ? ledger.recordDefect(id, i % 4 == 0, 1 + i % 5).ok()
                        : ledger.rate(id, 1 + i % 5, 1 + i % 20).ok();
                assertThat(ok).as("command %d during the consumers' database outage", i).isTrue();
                if (defect) {
                    defects.merge(id, 1, Integer::sum);
                }
                commands++;
                i++;
                sleep(250);
            }
        } finally {
            allow("ledger_scorecard");
            allow("ledger_notification");
        }
        ledger.awaitEveryEventConsumed(Duration.ofSeconds(120));
        for (String id : engagements) {
            assertThat(ledger.notificationDefectsCounted(id)).isEqualTo(defects.getOrDefault(id, 0).longValue());
        }
        assertThat(stack.scorecard().isAlive()).isTrue();
        assertThat(stack.notification().isAlive()).isTrue();
        Map<String, JsonNode> live = new LinkedHashMap<>();
        engagements.forEach(id -> live.put(id, ledger.scorecard(id)));
        ledger.rebuildScorecard(Duration.ofSeconds(120));
        engagements.forEach(id -> assertThat(ledger.scorecard(id)).isEqualTo(live.get(id)));
        System.out.printf("[db-outage] %d commands during a %d s outage of both consumers' databases; every event "
                + "applied once after it%n", commands, OUTAGE_SECONDS);
    }

    private void block(String database) {
        ledger.execute("postgres", "alter database " + database + " allow_connections false");
        ledger.execute("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + database + "'");
    }

    private void allow(String database) {
        ledger.execute("postgres", "alter database " + database + " allow_connections true");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
