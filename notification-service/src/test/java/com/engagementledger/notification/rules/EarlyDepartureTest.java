package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.engagementledger.notification.rules.RuleNames.EARLY_DEPARTURE;
import static org.assertj.core.api.Assertions.assertThat;

class EarlyDepartureTest extends RuleScenario {

    @Test
    void early_departure_within_90_days_alerts_and_clears_when_a_replacement_joins() {
        String engagement = openEngagement(today().minusDays(100));
        String early = newId();
        publish(new EngineerLeft(engagement, newId(), today().minusDays(200), today(), 200, "relocation"));
        publish(new EngineerLeft(engagement, early, today().minusDays(45), today(), 45, "better offer"));
        awaitAlert(engagement, EARLY_DEPARTURE, early, "OPEN");
        assertThat(alertCount(engagement, EARLY_DEPARTURE)).isEqualTo(1);

        publish(new EngineerJoined(engagement, newId(), "Anya", Side.PARTNER, "backend", today()));
        awaitAlert(engagement, EARLY_DEPARTURE, early, "RESOLVED");
    }

    @ParameterizedTest(name = "left after {0} days: early = {1}")
    @CsvSource({
            "1,   true",
            "45,  true",
            "90,  true",  // "within 90 days" includes day 90
            "91,  false",
            "365, false",
    })
    void an_engineer_who_leaves_within_90_days_of_joining_left_early(int days, boolean early) {
        String engagement = openEngagement(today().minusDays(400));
        String engineer = newId();
        publish(new EngineerLeft(engagement, engineer, today().minusDays(days), today(), days, "left"));
        if (early) {
            assertThat(awaitAlert(engagement, EARLY_DEPARTURE, engineer, "OPEN").severity()).isEqualTo("WARNING");
        } else {
            // marker: a departure after one day, later on the same partition, must alert
            String marker = newId();
            publish(new EngineerLeft(engagement, marker, today().minusDays(1), today(), 1, "left"));
            awaitAlert(engagement, EARLY_DEPARTURE, marker, "OPEN");
            assertThat(alert(engagement, EARLY_DEPARTURE, engineer, "OPEN")).isEmpty();
        }
    }
}
