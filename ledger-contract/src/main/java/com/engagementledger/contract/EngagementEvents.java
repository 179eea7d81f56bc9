package com.engagementledger.contract;

import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Events of the engagement itself: its terms, lifecycle, workstreams, ownership matrix and governance.
 * <p>
 * Version 2 of the lifecycle, coverage, workstream, ownership and escalation-path types adds {@code effectiveAt},
 * when the fact happened (business time), which may be earlier than when the ledger recorded it. Version 1 stays
 * for stored events and older messages; {@link EventVersions} lifts it (its effectiveAt is the moment it was
 * recorded). The opening (startDate) and a review (heldOn) carried their business time from the start.
 */
public final class EngagementEvents {
    private EngagementEvents() {
    }

    /** The overlap window is in the client's local time; both time zones are IANA ids. */
    @EventType("ledger.engagement.opened.v1")
    public record EngagementOpened(String engagementId, String name, String clientName, String partnerName,
                                   EngagementModel model, ManagementStructure managementStructure,
                                   ContractType contractType, String clientTimeZone, String partnerTimeZone,
                                   LocalTime overlapStart, LocalTime overlapEnd, CoveragePattern coveragePattern,
                                   LocalDate startDate) implements LedgerEvent {
    }

    @EventType("ledger.engagement.coverage-changed.v1")
    public record CoverageChanged(String engagementId, CoveragePattern coveragePattern, LocalTime overlapStart,
                                  LocalTime overlapEnd, String reason) implements LedgerEvent {
    }

    @EventType("ledger.engagement.paused.v1")
    public record EngagementPaused(String engagementId, String reason) implements LedgerEvent {
    }

    @EventType("ledger.engagement.resumed.v1")
    public record EngagementResumed(String engagementId, String reason) implements LedgerEvent {
    }

    @EventType("ledger.engagement.closed.v1")
    public record EngagementClosed(String engagementId, String reason) implements LedgerEvent {
    }

    /**
     * A body of work moved to the partner, with the conditions the client confirmed first, always in
     * TransferCondition's declaration order (the order the store has held them in from the start).
     */
    @EventType("ledger.workstream.transferred.v1")
    public record WorkstreamTransferred(String engagementId, String workstreamId, String name, WorkType workType,
                                        Set<TransferCondition> confirmedConditions, boolean specialistSupportOnly)
            implements LedgerEvent {
        public WorkstreamTransferred {
            confirmedConditions = TransferCondition.inDeclarationOrder(confirmedConditions);
        }
    }

    @EventType("ledger.ownership.assigned.v1")
    public record OwnershipAssigned(String engagementId, OwnershipArea area, String ownerId, String ownerName,
                                    Side ownerSide, String reason) implements LedgerEvent {
    }

    @EventType("ledger.ownership.reassigned.v1")
    public record OwnershipReassigned(String engagementId, OwnershipArea area, String ownerId, String ownerName,
                                      Side ownerSide, String previousOwnerId, Side previousOwnerSide, String reason)
            implements LedgerEvent {
    }

    /** The area has no owner from now on: undefined work, which the notification service alerts on. */
    @EventType("ledger.ownership.revoked.v1")
    public record OwnershipRevoked(String engagementId, OwnershipArea area, String previousOwnerId,
                                   Side previousOwnerSide, String reason) implements LedgerEvent {
    }

    @EventType("ledger.governance.review-held.v1")
    public record GovernanceReviewHeld(String engagementId, String reviewId, ReviewKind kind, LocalDate heldOn,
                                       List<String> attendees, List<String> outcomes) implements LedgerEvent {
    }

    @EventType("ledger.governance.escalation-path-defined.v1")
    public record EscalationPathDefined(String engagementId, List<EscalationLevel> levels) implements LedgerEvent {
    }

    /** One step of an escalation path, in the order it is tried. */
    public record EscalationLevel(String name, String contact, Side side) {
    }

    @EventType("ledger.engagement.coverage-changed.v2")
    public record CoverageChangedV2(String engagementId, CoveragePattern coveragePattern, LocalTime overlapStart,
                                    LocalTime overlapEnd, String reason, Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.engagement.paused.v2")
    public record EngagementPausedV2(String engagementId, String reason, Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.engagement.resumed.v2")
    public record EngagementResumedV2(String engagementId, String reason, Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.engagement.closed.v2")
    public record EngagementClosedV2(String engagementId, String reason, Instant effectiveAt) implements LedgerEvent {
    }

    /** As version 1: the confirmed conditions always in TransferCondition's declaration order. */
    @EventType("ledger.workstream.transferred.v2")
    public record WorkstreamTransferredV2(String engagementId, String workstreamId, String name, WorkType workType,
                                          Set<TransferCondition> confirmedConditions, boolean specialistSupportOnly,
                                          Instant effectiveAt) implements LedgerEvent {
        public WorkstreamTransferredV2 {
            confirmedConditions = TransferCondition.inDeclarationOrder(confirmedConditions);
        }
    }

    @EventType("ledger.ownership.assigned.v2")
    public record OwnershipAssignedV2(String engagementId, OwnershipArea area, String ownerId, String ownerName,
                                      Side ownerSide, String reason, Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.ownership.reassigned.v2")
    public record OwnershipReassignedV2(String engagementId, OwnershipArea area, String ownerId, String ownerName,
                                        Side ownerSide, String previousOwnerId, Side previousOwnerSide,
                                        String reason, Instant effectiveAt) implements LedgerEvent {
    }

    /** The area has no owner from effectiveAt on: undefined work, which the notification service alerts on. */
    @EventType("ledger.ownership.revoked.v2")
    public record OwnershipRevokedV2(String engagementId, OwnershipArea area, String previousOwnerId,
                                     Side previousOwnerSide, String reason, Instant effectiveAt)
            implements LedgerEvent {
    }

    @EventType("ledger.governance.escalation-path-defined.v2")
    public record EscalationPathDefinedV2(String engagementId, List<EscalationLevel> levels, Instant effectiveAt)
            implements LedgerEvent {
    }
}
