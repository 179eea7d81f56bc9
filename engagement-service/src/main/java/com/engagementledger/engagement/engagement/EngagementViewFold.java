package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents;
import com.engagementledger.contract.EngagementEvents.CoverageChangedV2;
import com.engagementledger.contract.EngagementEvents.EngagementClosedV2;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPausedV2;
import com.engagementledger.contract.EngagementEvents.EngagementResumedV2;
import com.engagementledger.contract.EngagementEvents.EscalationPathDefinedV2;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipReassignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipRevokedV2;
import com.engagementledger.contract.EngagementEvents.WorkstreamTransferredV2;
import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Optional;

/**
 * Folds the engagement family's events into {@link EngagementView}. When a workstream was transferred and since when
 * an owner owns an area are the facts' business times (effectiveAt), not when the ledger recorded them.
 */
@Component
public class EngagementViewFold implements ViewFold<EngagementView> {
    public static final String KIND = "engagement";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<EngagementView> type() {
        return EngagementView.class;
    }

    @Override
    public Optional<String> idOf(LedgerEvent event) {
        return event.getClass().getEnclosingClass() == EngagementEvents.class
                ? Optional.of(event.engagementId()) : Optional.empty();
    }

    @Override
    public EngagementView apply(EngagementView view, LedgerEvent event, EventContext context) {
        if (event instanceof EngagementOpened e) {
            view = opened(e, context);
        } else if (event instanceof CoverageChangedV2 e) {
            view.coveragePattern = e.coveragePattern();
            view.overlapStart = e.overlapStart();
            view.overlapEnd = e.overlapEnd();
        } else if (event instanceof EngagementPausedV2) {
            view.status = EngagementStatus.PAUSED;
        } else if (event instanceof EngagementResumedV2) {
            view.status = EngagementStatus.ACTIVE;
        } else if (event instanceof EngagementClosedV2) {
            view.status = EngagementStatus.CLOSED;
        } else if (event instanceof WorkstreamTransferredV2 e) {
            view.workstreams.add(new EngagementView.Workstream(e.workstreamId(), e.name(), e.workType(),
                    e.confirmedConditions(), e.specialistSupportOnly(), e.effectiveAt(), context.actor()));
        } else if (event instanceof OwnershipAssignedV2 e) {
            view.ownership.put(e.area(), new EngagementView.Owner(e.ownerId(), e.ownerName(), e.ownerSide(),
                    e.reason(), e.effectiveAt(), context.actor()));
        } else if (event instanceof OwnershipReassignedV2 e) {
            view.ownership.put(e.area(), new EngagementView.Owner(e.ownerId(), e.ownerName(), e.ownerSide(),
                    e.reason(), e.effectiveAt(), context.actor()));
        } else if (event instanceof OwnershipRevokedV2 e) {
            view.ownership.put(e.area(), null);
        } else if (event instanceof GovernanceReviewHeld e) {
            view.reviews.add(new EngagementView.Review(e.reviewId(), e.kind(), e.heldOn(), e.attendees(),
                    e.outcomes(), context.actor()));
        } else if (event instanceof EscalationPathDefinedV2 e) {
            view.escalationPath = new ArrayList<>(e.levels());
        }
        return view;
    }

    private static EngagementView opened(EngagementOpened e, EventContext context) {
        EngagementView view = new EngagementView();
        view.engagementId = e.engagementId();
        view.name = e.name();
        view.clientName = e.clientName();
        view.partnerName = e.partnerName();
        view.model = e.model();
        view.managementStructure = e.managementStructure();
        view.contractType = e.contractType();
        view.clientTimeZone = e.clientTimeZone();
        view.partnerTimeZone = e.partnerTimeZone();
        view.overlapStart = e.overlapStart();
        view.overlapEnd = e.overlapEnd();
        view.coveragePattern = e.coveragePattern();
        view.startDate = e.startDate();
        view.status = EngagementStatus.ACTIVE;
        view.openedAt = context.recordedAt();
        view.openedBy = context.actor();
        for (OwnershipArea area : OwnershipArea.values()) {
            view.ownership.put(area, null);
        }
        return view;
    }
}
