package com.engagementledger.notification.rules;

import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.engagementledger.notification.rules.RuleNames.FIRST_INCREMENT_MISSING;
import static org.assertj.core.api.Assertions.assertThat;

class FirstIncrementMissingTest extends RuleScenario {

    @Test
    void first_increment_missing_28_days_after_start_clears_when_a_release_ships() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(29));
        awaitAlert(engagement, FIRST_INCREMENT_MISSING, "first-increment", "OPEN");

        String shipped = publish(new ReleaseShipped(engagement, newId(), "1.0", today().minusDays(1), today(), 1));
        assertThat(awaitAlert(engagement, FIRST_INCREMENT_MISSING, "first-increment", "RESOLVED").causes())
                .contains(shipped);
    }

    @Test
    void first_increment_shipped_in_time_never_alerts() {
        String engagement = openEngagement(today());
        awaitApplied(publish(new ReleaseShipped(engagement, newId(), "0.1", today(), today(), 0)));
        clock.advance(Duration.ofDays(29));
        awaitDeadlinesDueNowFired();
        assertThat(alertCount(engagement, FIRST_INCREMENT_MISSING)).isZero();
    }
}
