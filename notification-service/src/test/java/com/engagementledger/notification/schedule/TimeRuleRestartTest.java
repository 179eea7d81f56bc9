package com.engagementledger.notification.schedule;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.MutableClock;
import com.engagementledger.notification.NotificationServiceApplication;
import com.engagementledger.notification.TestClockConfig;
import com.engagementledger.notification.rules.RuleNames;
import com.engagementledger.testsupport.EmbeddedLedgerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A time rule scheduled by one application instance fires from a freshly started one: the schedule lives in
 * PostgreSQL, not in memory. The engagement starts far in the future so that the long-running test context, whose
 * clock other tests move by weeks, cannot fire it first.
 */
class TimeRuleRestartTest extends IntegrationTest {

    @Test
    void first_increment_missing_fires_from_a_restarted_instance() {
        String engagement = newId();
        LocalDate start = today().plusYears(5);
        awaitApplied(publish(new EngagementOpened(engagement, "Mobile", "Acme", "Offshore Co",
                EngagementModel.PROJECT_BASED, ManagementStructure.INTERNAL, ContractType.FIXED_PRICE, "UTC", "UTC",
                LocalTime.of(9, 0), LocalTime.of(12, 0), CoveragePattern.ASYNC_FIRST, start)));
        long pending = jdbc.sql("""
                        select count(*) from schedule_entry
                        where engagement_id = ? and rule = ? and state = 'PENDING'""")
                .params(engagement, RuleNames.FIRST_INCREMENT_MISSING).query(Long.class).single();
        assertThat(pending).isEqualTo(1);

        Map<String, Object> props = new HashMap<>(EmbeddedLedgerProperties.of(IntegrationTest.DATABASE));
        props.put("server.port", "0");
        // the restarted instance only runs its pollers; the shared test context keeps the consumer group
        props.put("ledger.notification.consumer.auto-startup", "false");
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(
                NotificationServiceApplication.class, TestClockConfig.class)
                .profiles("test").run(props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            MutableClock restartedClock = restarted.getBean(MutableClock.class);
            // the restarted instance's clock starts at real time; move it 29 days past the start
            restartedClock.advance(Duration.between(restartedClock.instant(), start.atStartOfDay().toInstant(
                    java.time.ZoneOffset.UTC)).plusDays(29));
            awaitAlert(engagement, RuleNames.FIRST_INCREMENT_MISSING, "first-increment", "OPEN");
        }
        assertThat(jdbc.sql("""
                        select state from schedule_entry where engagement_id = ? and rule = ?""")
                .params(engagement, RuleNames.FIRST_INCREMENT_MISSING).query(String.class).single())
                .isEqualTo("FIRED");
    }
}
