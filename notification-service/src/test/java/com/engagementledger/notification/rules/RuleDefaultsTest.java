package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The thresholds in application.yml are DOMAIN.md's (the test profile does not override them). */
class RuleDefaultsTest extends IntegrationTest {
    @Autowired
    RulesProperties rules;

    @Test
    void thresholds_default_to_the_domain_values() {
        assertThat(rules.week8Review().dueAfter()).isEqualTo(Duration.ofDays(42));     // week 7 starts on day 42
        assertThat(rules.week8Review().overdueAfter()).isEqualTo(Duration.ofDays(63)); // week 9 ends on day 63
        assertThat(rules.weeklyMetrics().maxGap()).isEqualTo(Duration.ofDays(14));
        assertThat(rules.firstIncrement().within()).isEqualTo(Duration.ofDays(28));
        assertThat(rules.qualityDrift().weeks()).isEqualTo(4);
        assertThat(rules.earlyDeparture().withinDays()).isEqualTo(90);
        assertThat(rules.incidentAcknowledge().fallbackTargets())
                .containsEntry(Severity.SEV1, Duration.ofMinutes(15))
                .containsEntry(Severity.SEV2, Duration.ofMinutes(30))
                .containsEntry(Severity.SEV3, Duration.ofHours(4));
        assertThat(rules.ownership().gracePeriod()).isEqualTo(Duration.ofDays(14));
    }
}
