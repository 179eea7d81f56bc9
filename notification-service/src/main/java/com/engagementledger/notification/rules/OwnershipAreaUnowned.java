package com.engagementledger.notification.rules;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.OwnershipAssignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipReassignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipRevokedV2;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * {@value RuleNames#OWNERSHIP_AREA_UNOWNED}, subject: the area. An area without an owner is undefined work.
 * <ul>
 * <li>reacts to: EngagementOpened (all areas start unowned), OwnershipAssigned, OwnershipReassigned, OwnershipRevoked</li>
 * <li>keeps: each area's owner</li>
 * <li>raises (WARNING): when an area still has no owner at the end of the grace period after the start; an owner
 * revoked after that raises it again at once</li>
 * <li>resolves: when the area gets an owner</li>
 * </ul>
 */
@Component
class OwnershipAreaUnowned implements GovernanceRule {
    private final Duration gracePeriod;
    private final Engagements engagements;
    private final AreaOwners owners;
    private final Deadlines deadlines;
    private final Alerts alerts;

    OwnershipAreaUnowned(RulesProperties props, Engagements engagements, AreaOwners owners, Deadlines deadlines,
                         Alerts alerts) {
        this.gracePeriod = props.ownership().gracePeriod();
        this.engagements = engagements;
        this.owners = owners;
        this.deadlines = deadlines;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.OWNERSHIP_AREA_UNOWNED;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(EngagementOpened.class, this::opened)
                .on(OwnershipAssignedV2.class, (e, cause) -> owned(EngagementId.of(e), e.area(), e.ownerId(), cause))
                .on(OwnershipReassignedV2.class, (e, cause) -> owned(EngagementId.of(e), e.area(), e.ownerId(), cause))
                .on(OwnershipRevokedV2.class, this::revoked);
    }

    private void opened(EngagementOpened e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        owners.recordAllUnowned(engagement);
        for (OwnershipArea area : OwnershipArea.values()) {
            deadlines.register(deadline(engagement, area, cause));
        }
    }

    private void owned(EngagementId engagement, OwnershipArea area, String ownerId, EventId cause) {
        owners.recordOwner(engagement, area, ownerId);
        deadlines.cancel(condition(engagement, area));
        alerts.clear(condition(engagement, area), cause.value(), "owner " + ownerId + " assigned");
    }

    private void revoked(OwnershipRevokedV2 e, EventId cause) {
        EngagementId engagement = EngagementId.of(e);
        owners.recordOwner(engagement, e.area(), null);
        // inside the grace period the alert waits for its end; after it, the deadline has passed and fires at once
        deadlines.register(deadline(engagement, e.area(), cause));
    }

    private Deadline deadline(EngagementId engagement, OwnershipArea area, EventId cause) {
        Instant graceEnds = engagements.start(engagement).map(start -> start.plus(gracePeriod)).orElse(Instant.EPOCH);
        return new Deadline(condition(engagement, area), graceEnds, AlertSeverity.WARNING,
                "Ownership area " + area + " has no owner " + gracePeriod.toDays()
                        + " days after the engagement start: undefined work", cause.asCauses());
    }

    static AlertCondition condition(EngagementId engagement, OwnershipArea area) {
        return new AlertCondition(RuleNames.OWNERSHIP_AREA_UNOWNED, engagement.value(), area.name());
    }
}
