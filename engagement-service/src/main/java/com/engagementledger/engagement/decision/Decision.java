package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.DecisionEvents.DecisionReversedV2;
import com.engagementledger.contract.DecisionEvents.DecisionSupersededV2;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.decision.DecisionCommands.AcceptDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ApproveDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ProposeDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ReverseDecision;
import com.engagementledger.engagement.decision.DecisionCommands.SupersedeDecision;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.Ids;

import java.time.Instant;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An architecture-decision-record style entry. It is never edited or deleted: it is proposed, accepted (and for an
 * IRREVERSIBLE one approved by a second, different person), and later superseded or reversed with a reason.
 * Each step happens at its business time (effectiveAt), never before the engagement's start nor before the step
 * it follows.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Decision {
    private static final String FAMILY = "decision";

    @AggregateIdentifier
    private String decisionId;
    private String engagementId;
    private DecisionCategory category;
    private Reversibility reversibility;
    private DecisionStatus status;
    private String acceptedBy;
    /** The business time of the latest step: the next one may not be earlier. */
    private Instant lastStepAt;

    protected Decision() {
        // for Axon
    }

    @CommandHandler
    public Decision(ProposeDecision command) {
        require(!command.decisionId().equals(command.supersedes()), "decision.supersede.self",
                "a decision cannot supersede itself");
        Instant effectiveAt = command.when().require(FAMILY, command.engagementStartsAt(), null, null);
        apply(new DecisionProposedV2(command.engagementId().value(), command.decisionId().value(), command.title(),
                command.category(),
                command.context(), command.decision(), command.consequences(), command.alternatives(),
                command.reversibility(), Ids.text(command.supersedes()), command.actor().id(), command.actor().side(),
                effectiveAt));
    }


    @CommandHandler
    public void handle(AcceptDecision command) {
        require(status == DecisionStatus.PROPOSED, "decision.not-proposed",
                "only a proposed decision can be accepted; it is " + status);
        requireClientFor(command.actor(), "accept");
        Instant effectiveAt = notBeforeLastStep(command.when(), "its proposal");
        apply(new DecisionAcceptedV2(engagementId, decisionId, category, reversibility, command.actor().id(),
                command.actor().side(), reversibility != Reversibility.IRREVERSIBLE, effectiveAt));
    }

    @CommandHandler
    public void handle(ApproveDecision command) {
        require(status == DecisionStatus.AWAITING_SECOND_APPROVAL, "decision.second-approval.not-awaited",
                "only an accepted IRREVERSIBLE decision awaits a second approval; it is " + status);
        require(!command.actor().id().equals(acceptedBy), "decision.second-approval.same-approver",
                "the second approval must come from someone other than " + acceptedBy);
        requireClientFor(command.actor(), "approve");
        Instant effectiveAt = notBeforeLastStep(command.when(), "its acceptance");
        apply(new DecisionApprovedV2(engagementId, decisionId, command.actor().id(), command.actor().side(),
                effectiveAt));
    }

    @CommandHandler
    public void handle(SupersedeDecision command) {
        require(status == DecisionStatus.IN_EFFECT, "decision.not-in-effect",
                "only a decision in effect can be superseded; it is " + status);
        require(command.successorInEffect(), "decision.successor.not-in-effect",
                "the superseding decision must be in effect");
        require(!decisionId.equals(command.supersededBy().value()), "decision.supersede.self",
                "a decision cannot supersede itself");
        Instant effectiveAt = notBeforeLastStep(command.when(), "the moment it took effect");
        apply(new DecisionSupersededV2(engagementId, decisionId, command.supersededBy().value(), command.reason(),
                command.actor().id(), command.actor().side(), effectiveAt));
    }

    @CommandHandler
    public void handle(ReverseDecision command) {
        require(status == DecisionStatus.IN_EFFECT || status == DecisionStatus.AWAITING_SECOND_APPROVAL,
                "decision.not-in-effect", "only an accepted decision can be reversed; it is " + status);
        requireClientFor(command.actor(), "reverse");
        Instant effectiveAt = notBeforeLastStep(command.when(), "the decision's previous step");
        apply(new DecisionReversedV2(engagementId, decisionId, category, reversibility, command.reason(),
                command.actor().id(), command.actor().side(), effectiveAt));
    }

    private Instant notBeforeLastStep(BusinessTime when, String lastStep) {
        return when.require(FAMILY, null, lastStepAt, lastStep);
    }

    private void requireClientFor(Actor actor, String what) {
        require(!category.clientOnly() || actor.side() == Side.CLIENT, "decision.category.client-only",
                category + " decisions can only be " + (what.endsWith("e") ? what + "d" : what + "ed")
                        + " by the client side (a partner may propose them)");
    }

    @EventSourcingHandler
    void on(DecisionProposedV2 event) {
        decisionId = event.decisionId();
        engagementId = event.engagementId();
        category = event.category();
        reversibility = event.reversibility();
        status = DecisionStatus.PROPOSED;
        lastStepAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(DecisionAcceptedV2 event) {
        acceptedBy = event.acceptedBy();
        status = event.inEffect() ? DecisionStatus.IN_EFFECT : DecisionStatus.AWAITING_SECOND_APPROVAL;
        lastStepAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(DecisionApprovedV2 event) {
        status = DecisionStatus.IN_EFFECT;
        lastStepAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(DecisionSupersededV2 event) {
        status = DecisionStatus.SUPERSEDED;
        lastStepAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(DecisionReversedV2 event) {
        status = DecisionStatus.REVERSED;
        lastStepAt = event.effectiveAt();
    }
}
