package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.DecisionEvents.DecisionSuperseded;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
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

    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
    }

    private static DecisionProposed proposed(DecisionCategory category, Reversibility reversibility, Actor by) {
        return new DecisionProposed(ENG, ID, "Use Postgres", category, "ctx", "decision", "cons", List.of("MySQL"),
                reversibility, null, by.id(), by.side());
    }


    @Test
    void partner_may_propose_a_client_only_decision() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "Use Postgres", DecisionCategory.ARCHITECTURE, "ctx", "decision",
                        "cons", List.of("MySQL"), Reversibility.COSTLY, null, PARTNER_LEAD))
                .expectEvents(proposed(DecisionCategory.ARCHITECTURE, Reversibility.COSTLY, PARTNER_LEAD));
    }

    @ParameterizedTest
    @EnumSource(value = DecisionCategory.class,
            names = {"ARCHITECTURE", "PRODUCT_STRATEGY", "SECURITY_RISK_ACCEPTANCE", "RELEASE"})
    void partner_cannot_accept_client_only_decision(DecisionCategory category) {
        fixture.given(proposed(category, Reversibility.REVERSIBLE, PARTNER_LEAD))
                .when(new AcceptDecision(DECISION, null, PARTNER_LEAD))
                .expectException(violates("decision.category.client-only"));
    }

    @Test
    void partner_may_accept_a_process_decision() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new AcceptDecision(DECISION, null, PARTNER_LEAD))
                .expectEvents(new DecisionAccepted(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE,
                        "ravi", Side.PARTNER, true));
    }

    @Test
    void irreversible_decision_waits_for_a_second_approver() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD))
                .when(new AcceptDecision(DECISION, null, CLIENT_LEAD))
                .expectEvents(new DecisionAccepted(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE,
                        "anna", Side.CLIENT, false));
    }

    @Test
    void second_approval_must_come_from_a_different_person() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, "anna",
                                Side.CLIENT, false))
                .when(new ApproveDecision(DECISION, null, CLIENT_LEAD))
                .expectException(violates("decision.second-approval.same-approver"));
    }

    @Test
    void second_approval_puts_an_irreversible_decision_in_effect() {
        fixture.given(proposed(DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, PARTNER_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.DATA_MODEL, Reversibility.IRREVERSIBLE, "anna",
                                Side.CLIENT, false))
                .when(new ApproveDecision(DECISION, null, CLIENT_CTO))
                .expectEvents(new DecisionApproved(ENG, ID, "carl", Side.CLIENT));
    }

    @Test
    void only_an_awaiting_decision_takes_a_second_approval() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new ApproveDecision(DECISION, null, CLIENT_CTO))
                .expectException(violates("decision.second-approval.not-awaited"));
    }

    @Test
    void a_decision_is_accepted_once() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true))
                .when(new AcceptDecision(DECISION, null, CLIENT_CTO))
                .expectException(violates("decision.not-proposed"));
    }

    @Test
    void a_decision_in_effect_is_superseded_with_a_reason() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), true, "better option", CLIENT_LEAD))
                .expectEvents(new DecisionSuperseded(ENG, ID, "dec-2", "better option", "anna", Side.CLIENT));
    }

    @Test
    void only_a_decision_in_effect_can_take_the_place_of_another() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.PROCESS, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), false, "x", CLIENT_LEAD))
                .expectException(violates("decision.successor.not-in-effect"));
    }

    @Test
    void a_proposal_cannot_be_superseded_or_reversed() {
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new SupersedeDecision(DECISION, null, new DecisionId("dec-2"), true, "x", CLIENT_LEAD))
                .expectException(violates("decision.not-in-effect"));
        fixture.given(proposed(DecisionCategory.PROCESS, Reversibility.REVERSIBLE, CLIENT_LEAD))
                .when(new ReverseDecision(DECISION, null, "x", CLIENT_LEAD))
                .expectException(violates("decision.not-in-effect"));
    }

    @Test
    void a_decision_cannot_supersede_itself() {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, ENGAGEMENT, "t", DecisionCategory.PROCESS, "c", "d", null, List.of(),
                        Reversibility.REVERSIBLE, DECISION, CLIENT_LEAD))
                .expectException(violates("decision.supersede.self"));
    }

    @Test
    void a_costly_decision_is_reversed_with_its_reversibility_recorded() {
        fixture.given(proposed(DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY, CLIENT_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY, "anna",
                                Side.CLIENT, true))
                .when(new ReverseDecision(DECISION, null, "vendor went away", CLIENT_CTO))
                .expectEvents(new DecisionReversed(ENG, ID, DecisionCategory.INFRASTRUCTURE, Reversibility.COSTLY,
                        "vendor went away", "carl", Side.CLIENT));
    }

    @Test
    void partner_cannot_reverse_a_client_only_decision() {
        fixture.given(proposed(DecisionCategory.RELEASE, Reversibility.REVERSIBLE, CLIENT_LEAD),
                        new DecisionAccepted(ENG, ID, DecisionCategory.RELEASE, Reversibility.REVERSIBLE, "anna",
                                Side.CLIENT, true))
                .when(new ReverseDecision(DECISION, null, "x", PARTNER_LEAD))
                .expectException(violates("decision.category.client-only"));
    }
}
