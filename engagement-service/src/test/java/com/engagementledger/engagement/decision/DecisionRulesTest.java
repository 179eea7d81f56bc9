package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.DecisionEvents.DecisionReversedV2;
import com.engagementledger.contract.DecisionEvents.DecisionSupersededV2;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.decision.DecisionCommands.AcceptDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ApproveDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ProposeDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ReverseDecision;
import com.engagementledger.engagement.decision.DecisionCommands.SupersedeDecision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static com.engagementledger.engagement.support.RuleMatcher.violates;
import static com.engagementledger.engagement.support.Actors.CLIENT_CTO;
import static com.engagementledger.engagement.support.Actors.CLIENT_LEAD;
import static com.engagementledger.engagement.support.Actors.PARTNER_LEAD;

class DecisionRulesTest {
    private static final String ENG = "eng-1";
    private static final String ID = "dec-1";
    private static final EngagementId ENGAGEMENT = new EngagementId(ENG);
    private static final DecisionId DECISION = new DecisionId(ID);
    /** The engagement's first moment, the proposal, a later step and the clock's now. */
    private static final Instant START = Instant.parse("2026-03-01T23:00:00Z");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-04T15:30:00Z");
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final BusinessTime PROPOSAL = new BusinessTime(T0, NOW);
    private static final BusinessTime WHEN = new BusinessTime(T1, NOW);

    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
    }

    private static DecisionProposedV2 proposed(DecisionCategory category, Reversibility reversibility, Actor by) {
        return new DecisionProposedV2(ENG, ID, "Use Postgres", category, "ctx", "decision", "cons", List.of("MySQL"),
                reversibility, null, by.id(), by.side(), T0);
    }


    @Test
    void partner_may_propose_a_client_only_decision() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "Use Postgres", DecisionCategory.ARCHITECTURE, "ctx", "decision",
                        "cons", List.of("MySQL"), Reversibility.COSTLY, null, PARTNER_LEAD, PROPOSAL, START))
                .expectEvents(proposed(DecisionCategory.ARCHITECTURE, Reversibility.COSTLY, PARTNER_LEAD));
    }

    @ParameterizedTest
    @EnumSource(value = DecisionCategory.class,
            names = {"ARCHITECTURE", "PRODUCT_STRATEGY", "SECURITY_RISK_ACCEPTANCE", "RELEASE"})
    void partner_cannot_accept_client_only_decision(DecisionCategory category) {
        fixture.given(proposed(category, Reversibility.REVERSIBLE, PARTNER_LEAD))
                .when(new AcceptDecision(DECISION, null, PARTNER_LEAD, WHEN))
                .expectException(violates("decision.category.client-only"));
    }

    @Test
    void partner_may_accept_a_process_decision() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new AcceptDecision(DECISION, null, PARTNER_LEAD, WHEN))
                .expectEvents(new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE,
                        "ravi", Side.PARTNER, true, T1));
    }

    @Test
    void irreversible_decision_waits_for_a_second_approver() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD))
                .when(new AcceptDecision(DECISION, null, CLIENT_LEAD, WHEN))
                .expectEvents(new DecisionAcceptedV2(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE,
                        "anna", Side.CLIENT, false, T1));
    }

    @Test
    void second_approval_must_come_from_a_different_person() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, "anna",
                                Side.CLIENT, false, T1))
                .when(new ApproveDecision(DECISION, null, CLIENT_LEAD, WHEN))
                .expectException(violates("decision.second-approval.same-approver"));
    }

    @Test
    void second_approval_puts_an_irreversible_decision_in_effect() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, "anna",
                                Side.CLIENT, false, T1))
                .when(new ApproveDecision(DECISION, null, CLIENT_CTO, WHEN))
                .expectEvents(new DecisionApprovedV2(ENG, ID, "carl", Side.CLIENT, T1));
    }

    @Test
    void only_an_awaiting_decision_takes_a_second_approval() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new ApproveDecision(DECISION, null, CLIENT_CTO, WHEN))
                .expectException(violates("decision.second-approval.not-awaited"));
    }

    @Test
    void a_decision_is_accepted_once() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new AcceptDecision(DECISION, null, CLIENT_CTO, WHEN))
                .expectException(violates("decision.not-proposed"));
    }

    @Test
    void a_decision_in_effect_is_superseded_with_a_reason() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), true, "better option", CLIENT_LEAD, WHEN))
                .expectEvents(new DecisionSupersededV2(ENG, ID, "dec-2", "better option", "anna", Side.CLIENT, T1));
    }

    @Test
    void only_a_decision_in_effect_can_take_the_place_of_another() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), false, "x", CLIENT_LEAD, WHEN))
                .expectException(violates("decision.successor.not-in-effect"));
    }

    @Test
    void a_proposal_cannot_be_superseded_or_reversed() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), true, "x", CLIENT_LEAD, WHEN))
                .expectException(violates("decision.not-in-effect"));
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new ReverseDecision(DECISION, null, "x", CLIENT_LEAD, WHEN))
                .expectException(violates("decision.not-in-effect"));
    }

    @Test
    void a_decision_cannot_supersede_itself() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "t", DecisionCategory.PROCESS, "c", "d", null, List.of(),
                        Reversibility.REVERSIBLE, DECISION, CLIENT_LEAD, PROPOSAL, START))
                .expectException(violates("decision.supersede.self"));
    }

    @Test
    void a_costly_decision_is_reversed_with_its_reversibility_recorded() {
        fixture.given(proposed(DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY, "anna",
                                Side.CLIENT, true, T1))
                .when(new ReverseDecision(DECISION, null, "vendor went away", CLIENT_CTO, WHEN))
                .expectEvents(new DecisionReversedV2(ENG, ID, DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY,
                        "vendor went away", "carl", Side.CLIENT, T1));
    }

    @Test
    void partner_cannot_reverse_a_client_only_decision() {
        fixture.given(proposed(DecisionCategory.RELEASE, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.RELEASE, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new ReverseDecision(DECISION, null, "x", PARTNER_LEAD, WHEN))
                .expectException(violates("decision.category.client-only"));
    }

    // ---- business time: every step happens at its effectiveAt, never in the future, before 2000, before the
    // engagement's start, or before the step it follows

    @Test
    void a_decision_is_not_proposed_before_the_engagement_starts() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "t", DecisionCategory.PROCESS, "c", "d", null,
                        List.of(), Reversibility.REVERSIBLE, null, CLIENT_LEAD,
                        new BusinessTime(START.minusSeconds(1), NOW), START))
                .expectException(violates("decision.time.before-start"));
    }

    @Test
    void a_decision_is_not_proposed_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "t", DecisionCategory.PROCESS, "c", "d", null,
                        List.of(), Reversibility.REVERSIBLE, null, CLIENT_LEAD,
                        new BusinessTime(NOW.plusSeconds(301), NOW), START))
                .expectException(violates("time.future"));
    }

    @Test
    void a_decision_is_not_proposed_before_2000() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "t", DecisionCategory.PROCESS, "c", "d", null,
                        List.of(), Reversibility.REVERSIBLE, null, CLIENT_LEAD,
                        new BusinessTime(Instant.parse("1999-12-31T23:59:59Z"), NOW), null))
                .expectException(violates("time.before-2000"));
    }

    @Test
    void an_acceptance_is_not_before_its_proposal() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new AcceptDecision(DECISION, null, CLIENT_LEAD, new BusinessTime(T0.minusSeconds(1), NOW)))
                .expectException(violates("decision.time.backwards"));
    }

    @Test
    void an_acceptance_at_the_moment_of_its_proposal_is_recorded_at_that_moment() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new AcceptDecision(DECISION, null, CLIENT_LEAD, new BusinessTime(T0, NOW)))
                .expectEvents(new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE,
                        "anna", Side.CLIENT, true, T0));
    }

    @Test
    void a_second_approval_is_not_before_the_acceptance() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, "anna",
                                Side.CLIENT, false, T1))
                .when(new ApproveDecision(DECISION, null, CLIENT_CTO, new BusinessTime(T1.minusSeconds(60), NOW)))
                .expectException(violates("decision.time.backwards"));
    }

    @Test
    void a_reversal_or_supersession_is_not_before_the_decision_took_effect() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new ReverseDecision(DECISION, null, "x", CLIENT_LEAD, new BusinessTime(T0, NOW)))
                .expectException(violates("decision.time.backwards"));
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAcceptedV2(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true, T1))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), true, "x", CLIENT_LEAD,
                        new BusinessTime(T0, NOW)))
                .expectException(violates("decision.time.backwards"));
    }
}
