package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.EngagementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Commands of an engineer's onboarding. */
final class OnboardingCommands {
    private OnboardingCommands() {
    }

    /** {@code engagementStartsOn}: an engineer may join up to 90 days before the engagement starts, not earlier. */
    public record JoinEngineer(@TargetAggregateIdentifier EngineerId engineerId, EngagementId engagementId,
                               LocalDate engagementStartsOn, String name, Side side, String role, LocalDate joinedOn,
                               Actor actor) {
    }

    public record AdvancePhase(@TargetAggregateIdentifier EngineerId engineerId,
                               @TargetAggregateVersion Long expectedVersion, OnboardingPhase toPhase,
                               LocalDate advancedOn, Actor actor) {
    }

    public record ReachMilestone(@TargetAggregateIdentifier EngineerId engineerId,
                                 @TargetAggregateVersion Long expectedVersion, OnboardingMilestone milestone,
                                 LocalDate reachedOn, Actor actor) {
    }

    public record AssessKnowledgeTransfer(@TargetAggregateIdentifier EngineerId engineerId,
                                          @TargetAggregateVersion Long expectedVersion, int score,
                                          LocalDate assessedOn, String notes, Actor actor) {
    }

    public record LeaveEngagement(@TargetAggregateIdentifier EngineerId engineerId,
                                  @TargetAggregateVersion Long expectedVersion, LocalDate leftOn, String reason,
                                  Actor actor) {
    }
}
