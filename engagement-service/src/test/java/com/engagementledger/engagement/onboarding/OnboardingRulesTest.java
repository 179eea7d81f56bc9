package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AdvancePhase;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AssessKnowledgeTransfer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.JoinEngineer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.LeaveEngagement;
import com.engagementledger.engagement.onboarding.OnboardingCommands.ReachMilestone;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.engagementledger.engagement.support.RuleMatcher.violates;
import static com.engagementledger.engagement.support.Actors.CLIENT_LEAD;
import static com.engagementledger.engagement.support.Actors.PARTNER_LEAD;

class OnboardingRulesTest {
    private static final String ENG = "eng-1";
    private static final String ID = "engineer-1";
    private static final LocalDate JOINED = LocalDate.of(2026, 8, 10);
    private static final LocalDate ENGAGEMENT_STARTS = LocalDate.of(2026, 8, 3);
    private static final EngineerId ENGINEER = new EngineerId(ID);
    private static final EngineerJoined JOINED_EVENT =
            new EngineerJoined(ENG, ID, "Priya", Side.PARTNER, "backend", JOINED);

    private FixtureConfiguration<EngineerOnboarding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EngineerOnboarding.class);
    }


    @Test
    void an_engineer_joins_in_observation() {
        fixture.givenNoPriorActivity()
                .when(new JoinEngineer(ENGINEER, new EngagementId(ENG), ENGAGEMENT_STARTS, "Priya", Side.PARTNER, "backend", JOINED, CLIENT_LEAD))
                .expectEvents(JOINED_EVENT);
    }

    @Test
    void an_engineer_cannot_join_more_than_90_days_before_the_engagement_starts() {
        fixture.givenNoPriorActivity()
                .when(new JoinEngineer(ENGINEER, new EngagementId(ENG), ENGAGEMENT_STARTS, "Priya", Side.PARTNER,
                        "backend", ENGAGEMENT_STARTS.minusDays(91), CLIENT_LEAD))
                .expectException(violates("onboarding.joined.before-engagement"));
        fixture.givenNoPriorActivity()
                .when(new JoinEngineer(ENGINEER, new EngagementId(ENG), ENGAGEMENT_STARTS, "Priya", Side.PARTNER,
                        "backend", ENGAGEMENT_STARTS.minusDays(90), CLIENT_LEAD))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void phases_advance_in_order() {
        fixture.given(JOINED_EVENT)
                .when(new AdvancePhase(ENGINEER, null, OnboardingPhase.CONTRIBUTION, JOINED.plusDays(14), CLIENT_LEAD))
                .expectEvents(new OnboardingPhaseAdvanced(ENG, ID, OnboardingPhase.OBSERVATION,
                        OnboardingPhase.CONTRIBUTION, JOINED.plusDays(14)));
    }

    @Test
    void phases_are_never_skipped() {
        fixture.given(JOINED_EVENT)
                .when(new AdvancePhase(ENGINEER, null, OnboardingPhase.ACCOUNTABLE_OWNERSHIP, JOINED.plusDays(14),
                        CLIENT_LEAD))
                .expectException(violates("onboarding.phase.skipped"));
    }

    @Test
    void phases_never_move_backwards() {
        fixture.given(JOINED_EVENT, new OnboardingPhaseAdvanced(ENG, ID, OnboardingPhase.OBSERVATION,
                        OnboardingPhase.CONTRIBUTION, JOINED.plusDays(14)))
                .when(new AdvancePhase(ENGINEER, null, OnboardingPhase.OBSERVATION, JOINED.plusDays(20), CLIENT_LEAD))
                .expectException(violates("onboarding.phase.not-forward"));
    }

    @Test
    void a_phase_cannot_be_reached_before_the_previous_one() {
        fixture.given(JOINED_EVENT)
                .when(new AdvancePhase(ENGINEER, null, OnboardingPhase.CONTRIBUTION, JOINED.minusDays(1), CLIENT_LEAD))
                .expectException(violates("onboarding.time.backwards"));
    }

    @Test
    void a_milestone_is_reached_once() {
        fixture.given(JOINED_EVENT)
                .when(new ReachMilestone(ENGINEER, null, OnboardingMilestone.ACCESS_GRANTED, JOINED, CLIENT_LEAD))
                .expectEvents(new OnboardingMilestoneReached(ENG, ID, OnboardingMilestone.ACCESS_GRANTED, JOINED));
        fixture.given(JOINED_EVENT,
                        new OnboardingMilestoneReached(ENG, ID, OnboardingMilestone.ACCESS_GRANTED, JOINED))
                .when(new ReachMilestone(ENGINEER, null, OnboardingMilestone.ACCESS_GRANTED, JOINED, CLIENT_LEAD))
                .expectException(violates("onboarding.milestone.already-reached"));
    }

    @Test
    void knowledge_transfer_is_rated_by_the_client_at_about_day_30() {
        fixture.given(JOINED_EVENT)
                .when(new AssessKnowledgeTransfer(ENGINEER, null, 4, JOINED.plusDays(30), "good", CLIENT_LEAD))
                .expectEvents(new KnowledgeTransferAssessed(ENG, ID, 4, JOINED.plusDays(30), 30, "good"));
        fixture.given(JOINED_EVENT)
                .when(new AssessKnowledgeTransfer(ENGINEER, null, 5, JOINED.plusDays(30), "great", PARTNER_LEAD))
                .expectException(violates("onboarding.knowledge-transfer.client-only"));
    }

    @Test
    void leaving_records_days_on_the_engagement_and_ends_onboarding() {
        fixture.given(JOINED_EVENT)
                .when(new LeaveEngagement(ENGINEER, null, JOINED.plusDays(45), "offer elsewhere", CLIENT_LEAD))
                .expectEvents(new EngineerLeft(ENG, ID, JOINED, JOINED.plusDays(45), 45, "offer elsewhere"));
        fixture.given(JOINED_EVENT, new EngineerLeft(ENG, ID, JOINED, JOINED.plusDays(45), 45, "x"))
                .when(new AdvancePhase(ENGINEER, null, OnboardingPhase.CONTRIBUTION, JOINED.plusDays(50), CLIENT_LEAD))
                .expectException(violates("onboarding.engineer.left"));
    }
}
