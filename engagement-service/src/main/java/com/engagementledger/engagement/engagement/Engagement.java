package com.engagementledger.engagement.engagement;

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
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.Transferability;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.engagement.EngagementCommands.AssignOwnership;
import com.engagementledger.engagement.engagement.EngagementCommands.ChangeCoverage;
import com.engagementledger.engagement.engagement.EngagementCommands.CloseEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.DefineEscalationPath;
import com.engagementledger.engagement.engagement.EngagementCommands.OpenEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.PauseEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.RecordGovernanceReview;
import com.engagementledger.engagement.engagement.EngagementCommands.ResumeEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.RevokeOwnership;
import com.engagementledger.engagement.engagement.EngagementCommands.TransferWorkstream;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One client/partner relationship: its terms, lifecycle, the workstreams moved to the partner, the ownership
 * matrix and governance. Work items, decisions, incidents and engineers are aggregates of their own, so this
 * stream stays short; it is snapshotted all the same.
 * <p>
 * Every change happens at its business time (effectiveAt): not before the engagement's start, and not before the
 * change it follows (a resumption its pause, an ownership change of an area the area's previous change).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Engagement {
    private static final String FAMILY = "engagement";

    @AggregateIdentifier
    private String engagementId;
    private EngagementStatus status;
    private LocalDate startDate;
    private Map<OwnershipArea, Owner> owners = new EnumMap<>(OwnershipArea.class);
    private Set<String> workstreamNames = new HashSet<>();
    /** The engagement's first moment; null in a snapshot taken before it was kept (then: from startDate). */
    private Instant startsAt;
    /** Business time of the last pause, resumption or closure. */
    private Instant statusChangedAt;
    private Instant coverageChangedAt;
    private Instant escalationPathDefinedAt;
    /** Business time of each area's last assignment, reassignment or revocation. */
    private Map<OwnershipArea, Instant> areaChangedAt = new EnumMap<>(OwnershipArea.class);

    /** Who owns an area now. */
    record Owner(String id, Side side) {
    }

    protected Engagement() {
        // for Axon
    }

    @CommandHandler
    public Engagement(OpenEngagement command) {
        require(command.actor().side() == Side.CLIENT, "engagement.open.client-only",
                "an engagement is opened by the client side");
        require(!command.overlapStart().equals(command.overlapEnd()), "engagement.overlap.empty",
                "the overlap window must not be empty");
        apply(new EngagementOpened(command.engagementId().value(), command.name(), command.clientName(),
                command.partnerName(), command.model(), command.managementStructure(), command.contractType(),
                command.clientTimeZone(), command.partnerTimeZone(), command.overlapStart(), command.overlapEnd(),
                command.coveragePattern(), command.startDate()));
    }


    @CommandHandler
    public void handle(ChangeCoverage command) {
        requireNotClosed();
        require(!command.overlapStart().equals(command.overlapEnd()), "engagement.overlap.empty",
                "the overlap window must not be empty");
        Instant effectiveAt = command.when().require(FAMILY, startsAt(), coverageChangedAt,
                "the last coverage change");
        apply(new CoverageChangedV2(engagementId, command.coveragePattern(), command.overlapStart(),
                command.overlapEnd(), command.reason(), effectiveAt));
    }

    @CommandHandler
    public void handle(PauseEngagement command) {
        require(status == EngagementStatus.ACTIVE, "engagement.pause.not-active",
                "only an active engagement can be paused; it is " + status);
        Instant effectiveAt = command.when().require(FAMILY, startsAt(), statusChangedAt, "its last resumption");
        apply(new EngagementPausedV2(engagementId, command.reason(), effectiveAt));
    }

    @CommandHandler
    public void handle(ResumeEngagement command) {
        require(status == EngagementStatus.PAUSED, "engagement.resume.not-paused",
                "only a paused engagement can be resumed; it is " + status);
        Instant effectiveAt = command.when().require(FAMILY, startsAt(), statusChangedAt, "its pause");
        apply(new EngagementResumedV2(engagementId, command.reason(), effectiveAt));
    }

    @CommandHandler
    public void handle(CloseEngagement command) {
        requireNotClosed();
        Instant effectiveAt = command.when().require(FAMILY, startsAt(), statusChangedAt,
                "its last pause or resumption");
        apply(new EngagementClosedV2(engagementId, command.reason(), effectiveAt));
    }

    @CommandHandler
    public void handle(TransferWorkstream command) {
        requireNotClosed();
        require(command.actor().side() == Side.CLIENT, "workstream.transfer.client-only",
                "the client side confirms the conditions and moves work to the partner");
        Transferability transferability = command.workType().transferability();
        require(transferability != Transferability.KEEP_IN_HOUSE, "workstream.work-type.keep-in-house",
                command.workType() + " work stays in-house and is never moved to the partner");
        require(transferability != Transferability.DEFINE_REQUIREMENTS_FIRST, "workstream.scope.undefined",
                "define the requirements first: UNDEFINED_SCOPE work cannot move to the partner yet");
        Set<TransferCondition> missing = command.workType().requiredConditions();
        missing.removeAll(command.confirmedConditions() == null ? Set.of() : command.confirmedConditions());
        require(missing.isEmpty(), "workstream.condition.unconfirmed",
                command.workType() + " needs these conditions confirmed first: " + missing);
        require(!workstreamNames.contains(command.name().toLowerCase()), "workstream.name.duplicate",
                "a workstream named '" + command.name() + "' was already transferred");
        Set<TransferCondition> confirmed = command.confirmedConditions() == null || command.confirmedConditions().isEmpty()
                ? EnumSet.noneOf(TransferCondition.class) : EnumSet.copyOf(command.confirmedConditions());
        Instant effectiveAt = command.when().require("workstream", startsAt(), null, null);
        apply(new WorkstreamTransferredV2(engagementId, command.workstreamId(), command.name(), command.workType(),
                confirmed, transferability == Transferability.SPECIALIST_SUPPORT_ONLY, effectiveAt));
    }

    @CommandHandler
    public void handle(AssignOwnership command) {
        requireNotClosed();
        OwnershipArea area = command.area();
        require(!area.clientOnly() || command.ownerSide() == Side.CLIENT, "ownership.area.client-only",
                area + " stays with the client: its owner must be on the CLIENT side");
        Owner current = owners.get(area);
        if (current == null) {
            Instant effectiveAt = ownershipTime(command.when(), area);
            apply(new OwnershipAssignedV2(engagementId, area, command.ownerId(), command.ownerName(),
                    command.ownerSide(), command.reason(), effectiveAt));
            return;
        }
        require(!current.id().equals(command.ownerId()), "ownership.owner.unchanged",
                command.ownerId() + " already owns " + area);
        Instant effectiveAt = ownershipTime(command.when(), area);
        apply(new OwnershipReassignedV2(engagementId, area, command.ownerId(), command.ownerName(), command.ownerSide(),
                current.id(), current.side(), command.reason(), effectiveAt));
    }

    @CommandHandler
    public void handle(RevokeOwnership command) {
        requireNotClosed();
        Owner current = owners.get(command.area());
        require(current != null, "ownership.area.unowned", command.area() + " has no owner to revoke");
        Instant effectiveAt = ownershipTime(command.when(), command.area());
        apply(new OwnershipRevokedV2(engagementId, command.area(), current.id(), current.side(), command.reason(),
                effectiveAt));
    }

    @CommandHandler
    public void handle(RecordGovernanceReview command) {
        requireNotClosed();
        require(!command.heldOn().isBefore(startDate), "governance.review.before-start",
                "a review cannot be held before the engagement started on " + startDate);
        apply(new GovernanceReviewHeld(engagementId, command.reviewId(), command.kind(), command.heldOn(),
                command.attendees(), command.outcomes()));
    }

    @CommandHandler
    public void handle(DefineEscalationPath command) {
        requireNotClosed();
        Instant effectiveAt = command.when().require("governance", startsAt(), escalationPathDefinedAt,
                "the escalation path it replaces");
        apply(new EscalationPathDefinedV2(engagementId, command.levels(), effectiveAt));
    }

    /** An ownership change happens after the engagement started and after the area's previous change. */
    private Instant ownershipTime(BusinessTime when, OwnershipArea area) {
        return when.require("ownership", startsAt(), areaChangedAt.get(area),
                "the change of " + area + " it replaces");
    }

    private Instant startsAt() {
        return startsAt != null ? startsAt : BusinessTime.startOf(startDate, null);
    }

    private void requireNotClosed() {
        require(status != EngagementStatus.CLOSED, "engagement.closed", "the engagement is closed");
    }

    @EventSourcingHandler
    void on(EngagementOpened event) {
        engagementId = event.engagementId();
        status = EngagementStatus.ACTIVE;
        startDate = event.startDate();
        startsAt = BusinessTime.startOf(event.startDate(), event.clientTimeZone());
    }

    @EventSourcingHandler
    void on(EngagementPausedV2 event) {
        status = EngagementStatus.PAUSED;
        statusChangedAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(CoverageChangedV2 event) {
        coverageChangedAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(EscalationPathDefinedV2 event) {
        escalationPathDefinedAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(EngagementResumedV2 event) {
        status = EngagementStatus.ACTIVE;
        statusChangedAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(EngagementClosedV2 event) {
        status = EngagementStatus.CLOSED;
        statusChangedAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(WorkstreamTransferredV2 event) {
        workstreamNames.add(event.name().toLowerCase());
    }

    @EventSourcingHandler
    void on(OwnershipAssignedV2 event) {
        owners.put(event.area(), new Owner(event.ownerId(), event.ownerSide()));
        areaChangedAt.put(event.area(), event.effectiveAt());
    }

    @EventSourcingHandler
    void on(OwnershipReassignedV2 event) {
        owners.put(event.area(), new Owner(event.ownerId(), event.ownerSide()));
        areaChangedAt.put(event.area(), event.effectiveAt());
    }

    @EventSourcingHandler
    void on(OwnershipRevokedV2 event) {
        owners.remove(event.area());
        areaChangedAt.put(event.area(), event.effectiveAt());
    }
}
