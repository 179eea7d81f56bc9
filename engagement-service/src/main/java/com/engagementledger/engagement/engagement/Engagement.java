package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.CoverageChanged;
import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.EngagementEvents.EngagementResumed;
import com.engagementledger.contract.EngagementEvents.EscalationPathDefined;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipReassigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.EngagementEvents.WorkstreamTransferred;
import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.Transferability;
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
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Engagement {

    @AggregateIdentifier
    private String engagementId;
    private EngagementStatus status;
    private LocalDate startDate;
    private Map<OwnershipArea, Owner> owners = new EnumMap<>(OwnershipArea.class);
    private Set<String> workstreamNames = new HashSet<>();

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
        apply(new CoverageChanged(engagementId, command.coveragePattern(), command.overlapStart(),
                command.overlapEnd(), command.reason()));
    }

    @CommandHandler
    public void handle(PauseEngagement command) {
        require(status == EngagementStatus.ACTIVE, "engagement.pause.not-active",
                "only an active engagement can be paused; it is " + status);
        apply(new EngagementPaused(engagementId, command.reason()));
    }

    @CommandHandler
    public void handle(ResumeEngagement command) {
        require(status == EngagementStatus.PAUSED, "engagement.resume.not-paused",
                "only a paused engagement can be resumed; it is " + status);
        apply(new EngagementResumed(engagementId, command.reason()));
    }

    @CommandHandler
    public void handle(CloseEngagement command) {
        requireNotClosed();
        apply(new EngagementClosed(engagementId, command.reason()));
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
        apply(new WorkstreamTransferred(engagementId, command.workstreamId(), command.name(), command.workType(),
                confirmed, transferability == Transferability.SPECIALIST_SUPPORT_ONLY));
    }

    @CommandHandler
    public void handle(AssignOwnership command) {
        requireNotClosed();
        OwnershipArea area = command.area();
        require(!area.clientOnly() || command.ownerSide() == Side.CLIENT, "ownership.area.client-only",
                area + " stays with the client: its owner must be on the CLIENT side");
        Owner current = owners.get(area);
        if (current == null) {
            apply(new OwnershipAssigned(engagementId, area, command.ownerId(), command.ownerName(),
                    command.ownerSide(), command.reason()));
            return;
        }
        require(!current.id().equals(command.ownerId()), "ownership.owner.unchanged",
                command.ownerId() + " already owns " + area);
        apply(new OwnershipReassigned(engagementId, area, command.ownerId(), command.ownerName(), command.ownerSide(),
                current.id(), current.side(), command.reason()));
    }

    @CommandHandler
    public void handle(RevokeOwnership command) {
        requireNotClosed();
        Owner current = owners.get(command.area());
        require(current != null, "ownership.area.unowned", command.area() + " has no owner to revoke");
        apply(new OwnershipRevoked(engagementId, command.area(), current.id(), current.side(), command.reason()));
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
        apply(new EscalationPathDefined(engagementId, command.levels()));
    }

    private void requireNotClosed() {
        require(status != EngagementStatus.CLOSED, "engagement.closed", "the engagement is closed");
    }

    @EventSourcingHandler
    void on(EngagementOpened event) {
        engagementId = event.engagementId();
        status = EngagementStatus.ACTIVE;
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(EngagementPaused event) {
        status = EngagementStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(EngagementResumed event) {
        status = EngagementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EngagementClosed event) {
        status = EngagementStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(WorkstreamTransferred event) {
        workstreamNames.add(event.name().toLowerCase());
    }

    @EventSourcingHandler
    void on(OwnershipAssigned event) {
        owners.put(event.area(), new Owner(event.ownerId(), event.ownerSide()));
    }

    @EventSourcingHandler
    void on(OwnershipReassigned event) {
        owners.put(event.area(), new Owner(event.ownerId(), event.ownerSide()));
    }

    @EventSourcingHandler
    void on(OwnershipRevoked event) {
        owners.remove(event.area());
    }
}
