package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.notification.schedule.Deadlines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.ZoneOffset;

import static com.engagementledger.notification.rules.RuleNames.OWNERSHIP_AREA_UNOWNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OwnershipAreaUnownedTest extends RuleScenario {
    @Autowired
    Deadlines deadlines;

    @Test
    void ownership_area_unowned_after_grace_period_clears_on_assignment_and_reopens_on_revocation() {
        String engagement = openEngagement(today());
        awaitApplied(publish(new OwnershipAssigned(engagement, OwnershipArea.PRIORITIES, "lead-1", "Lea", Side.CLIENT,
                "product lead")));
        // start is today 00:00 UTC, grace 14 days: 13 days on, nothing is due yet
        clock.advance(Duration.ofDays(13));
        awaitDeadlinesDueNowFired();
        assertThat(alertCount(engagement, OWNERSHIP_AREA_UNOWNED)).isZero();

        clock.advance(Duration.ofDays(2));
        awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "OPEN");
        // 12 areas, one owned before the grace period ended: 11 alerts
        await().until(() -> alertCount(engagement, OWNERSHIP_AREA_UNOWNED) == 11);
        assertThat(alert(engagement, OWNERSHIP_AREA_UNOWNED, "PRIORITIES", "OPEN")).isEmpty();

        String assigned = publish(new OwnershipAssigned(engagement, OwnershipArea.ON_CALL, "eng-7", "Ravi",
                Side.PARTNER, "on-call rota agreed"));
        var resolved = awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "RESOLVED");
        assertThat(resolved.causes()).contains(assigned);

        String revoked = publish(new OwnershipRevoked(engagement, OwnershipArea.ON_CALL, "eng-7", Side.PARTNER,
                "left the rota"));
        var reopened = awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "OPEN");
        assertThat(reopened.causes()).containsExactly(revoked);
        assertThat(reopened.id()).isNotEqualTo(resolved.id());
    }

    @Test
    void an_owner_revoked_inside_the_grace_period_leaves_the_area_due_when_the_grace_period_ends() {
        String engagement = openEngagement(today());
        publish(new OwnershipAssigned(engagement, OwnershipArea.MONITORING, "sre-1", "Sam", Side.PARTNER, "sre"));
        awaitApplied(publish(new OwnershipRevoked(engagement, OwnershipArea.MONITORING, "sre-1", Side.PARTNER,
                "moved team")));
        // start today 00:00 UTC + 14 days of grace, not the moment of the revocation
        assertThat(deadlines.pendingDueAt(OwnershipAreaUnowned.condition(new EngagementId(engagement),
                OwnershipArea.MONITORING)))
                .contains(today().plusDays(14).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
