package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AdvancePhase;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AssessKnowledgeTransfer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.JoinEngineer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.LeaveEngagement;
import com.engagementledger.engagement.onboarding.OnboardingCommands.ReachMilestone;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One engineer on one engagement: phases in order without skipping, milestones, the client's knowledge-transfer
 * rating, and leaving (retention).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class EngineerOnboarding {

    @AggregateIdentifier
    private String engineerId;
    private String engagementId;
    private OnboardingPhase phase;
    private LocalDate joinedOn;
    private LocalDate lastChangeOn;
    private Set<OnboardingMilestone> milestones = EnumSet.noneOf(OnboardingMilestone.class);
    private boolean assessed;
    private boolean left;

    protected EngineerOnboarding() {
        // for Axon
    }

    @CommandHandler
    public EngineerOnboarding(JoinEngineer command) {
        require(!command.joinedOn().isBefore(command.engagementStartsOn().minusDays(90)),
                "onboarding.joined.before-engagement", "an engineer cannot join long before the engagement starts");
        apply(new EngineerJoined(command.engagementId().value(), command.engineerId().value(), command.name(),
                command.side(), command.role(), command.joinedOn()));
    }


    @CommandHandler
    public void handle(AdvancePhase command) {
        requireStillOnEngagement();
        require(command.toPhase() != phase && command.toPhase().ordinal() > phase.ordinal(),
                "onboarding.phase.not-forward", "phases only move forward; the engineer is in " + phase);
        require(command.toPhase() == phase.next(), "onboarding.phase.skipped",
                "phases are never skipped: from " + phase + " the next phase is " + phase.next());
        requireNotBefore(command.advancedOn(), lastChangeOn);
        apply(new OnboardingPhaseAdvanced(engagementId, engineerId, phase, command.toPhase(), command.advancedOn()));
    }

    @CommandHandler
    public void handle(ReachMilestone command) {
        requireStillOnEngagement();
        require(!milestones.contains(command.milestone()), "onboarding.milestone.already-reached",
                command.milestone() + " was already reached");
        requireNotBefore(command.reachedOn(), joinedOn);
        apply(new OnboardingMilestoneReached(engagementId, engineerId, command.milestone(), command.reachedOn()));
    }

    @CommandHandler
    public void handle(AssessKnowledgeTransfer command) {
        require(command.actor().side() == Side.CLIENT, "onboarding.knowledge-transfer.client-only",
                "knowledge transfer is rated by the client side");
        require(!assessed, "onboarding.knowledge-transfer.already-assessed",
                "knowledge transfer for this engineer was already assessed");
        requireNotBefore(command.assessedOn(), joinedOn);
        apply(new KnowledgeTransferAssessed(engagementId, engineerId, command.score(), command.assessedOn(),
                (int) ChronoUnit.DAYS.between(joinedOn, command.assessedOn()), command.notes()));
    }

    @CommandHandler
    public void handle(LeaveEngagement command) {
        requireStillOnEngagement();
        requireNotBefore(command.leftOn(), lastChangeOn);
        apply(new EngineerLeft(engagementId, engineerId, joinedOn, command.leftOn(),
                (int) ChronoUnit.DAYS.between(joinedOn, command.leftOn()), command.reason()));
    }

    private void requireStillOnEngagement() {
        require(!left, "onboarding.engineer.left", "the engineer has left the engagement");
    }

    private static void requireNotBefore(LocalDate date, LocalDate earliest) {
        require(!date.isBefore(earliest), "onboarding.time.backwards",
                date + " is before " + earliest + ": an engineer's history never goes backwards");
    }

    @EventSourcingHandler
    void on(EngineerJoined event) {
        engineerId = event.engineerId();
        engagementId = event.engagementId();
        phase = OnboardingPhase.OBSERVATION;
        joinedOn = event.joinedOn();
        lastChangeOn = event.joinedOn();
    }

    @EventSourcingHandler
    void on(OnboardingPhaseAdvanced event) {
        phase = event.toPhase();
        lastChangeOn = event.advancedOn();
    }

    @EventSourcingHandler
    void on(OnboardingMilestoneReached event) {
        milestones.add(event.milestone());
    }

    @EventSourcingHandler
    void on(KnowledgeTransferAssessed event) {
        assessed = true;
    }

    @EventSourcingHandler
    void on(EngineerLeft event) {
        left = true;
    }
}
