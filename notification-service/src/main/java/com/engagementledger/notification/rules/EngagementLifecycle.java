package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementClosedV2;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPausedV2;
import com.engagementledger.contract.EngagementEvents.EngagementResumedV2;
import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Not a rule of its own: what an engagement's opening, pausing and closing mean for all of them. Opening records the
 * start date and time zone the time rules count from; closing cancels every deadline and resolves every open alert
 * of the engagement. A paused engagement keeps both: the gaps it leaves are still gaps.
 */
@Component
class EngagementLifecycle {
    private final Engagements engagements;
    private final Deadlines deadlines;
    private final Alerts alerts;

    EngagementLifecycle(Engagements engagements, Deadlines deadlines, Alerts alerts) {
        this.engagements = engagements;
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    Reactions reactions() {
        return new Reactions()
                .on(EngagementOpened.class, (e, cause) ->
                        engagements.recordOpened(EngagementId.of(e), e.startDate(), e.clientTimeZone()))
                .on(EngagementPausedV2.class, (e, cause) ->
                        engagements.recordStatus(EngagementId.of(e), EngagementStatus.PAUSED))
                .on(EngagementResumedV2.class, (e, cause) ->
                        engagements.recordStatus(EngagementId.of(e), EngagementStatus.ACTIVE))
                .on(EngagementClosedV2.class, this::closed);
    }

    private void closed(EngagementClosedV2 e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        engagements.recordStatus(engagement, EngagementStatus.CLOSED);
        deadlines.cancelAll(engagement.value());
        alerts.clearAll(engagement.value(), null, cause.value(), "engagement closed");
    }
}
