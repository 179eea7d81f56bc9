package com.engagementledger.contract;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;

import java.time.LocalDate;

/** An engineer's way through the engagement: joining, phases in order, milestones, knowledge transfer, leaving. */
public final class OnboardingEvents {
    private OnboardingEvents() {
    }

    @EventType("ledger.onboarding.engineer-joined.v1")
    public record EngineerJoined(String engagementId, String engineerId, String name, Side side, String role,
                                 LocalDate joinedOn) implements LedgerEvent {
    }

    @EventType("ledger.onboarding.phase-advanced.v1")
    public record OnboardingPhaseAdvanced(String engagementId, String engineerId, OnboardingPhase fromPhase,
                                          OnboardingPhase toPhase, LocalDate advancedOn) implements LedgerEvent {
    }

    @EventType("ledger.onboarding.milestone-reached.v1")
    public record OnboardingMilestoneReached(String engagementId, String engineerId, OnboardingMilestone milestone,
                                             LocalDate reachedOn) implements LedgerEvent {
    }

    /** The client's 1–5 rating of knowledge-transfer quality, taken at about day 30. */
    @EventType("ledger.onboarding.knowledge-transfer-assessed.v1")
    public record KnowledgeTransferAssessed(String engagementId, String engineerId, int score, LocalDate assessedOn,
                                            int daysSinceJoining, String notes) implements LedgerEvent {
    }

    @EventType("ledger.onboarding.engineer-left.v1")
    public record EngineerLeft(String engagementId, String engineerId, LocalDate joinedOn, LocalDate leftOn,
                               int daysOnEngagement, String reason) implements LedgerEvent {
    }
}
