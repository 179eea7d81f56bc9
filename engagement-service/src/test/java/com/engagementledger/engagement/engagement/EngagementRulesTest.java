package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.CoverageChangedV2;
import com.engagementledger.contract.EngagementEvents.EngagementClosedV2;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPausedV2;
import com.engagementledger.contract.EngagementEvents.EngagementResumedV2;
import com.engagementledger.contract.EngagementEvents.EscalationLevel;
import com.engagementledger.contract.EngagementEvents.EscalationPathDefinedV2;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipReassignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipRevokedV2;
import com.engagementledger.contract.EngagementEvents.WorkstreamTransferredV2;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.common.RuleViolation;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static com.engagementledger.engagement.support.RuleMatcher.violates;
import static com.engagementledger.engagement.support.Actors.CLIENT_LEAD;
import static com.engagementledger.engagement.support.Actors.PARTNER_LEAD;

class EngagementRulesTest {
    private static final String ID = "eng-1";
    private static final EngagementId ENGAGEMENT = new EngagementId(ID);
    private static final LocalDate START = LocalDate.of(2026, 8, 3);
    private static final EngagementOpened OPENED = new EngagementOpened(ID, "Checkout", "Acme", "Nearshore",
            EngagementModel.DEDICATED_TEAM, ManagementStructure.SHARED, ContractType.TIME_AND_MATERIALS,
            "Europe/Berlin", "Asia/Kolkata", LocalTime.of(9, 0), LocalTime.of(13, 0),
            CoveragePattern.HALF_DAY_OVERLAP, START);

    /** The start date's midnight in Berlin, a later change and the clock's now. */
    private static final Instant STARTS_AT = Instant.parse("2026-08-02T22:00:00Z");
    private static final Instant T1 = Instant.parse("2026-08-10T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final BusinessTime WHEN = new BusinessTime(T1, NOW);

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
    }

    private static OpenEngagement open(com.engagementledger.engagement.common.Actor actor, LocalTime end) {
        return new OpenEngagement(ENGAGEMENT, "Checkout", "Acme", "Nearshore", EngagementModel.DEDICATED_TEAM,
                ManagementStructure.SHARED, ContractType.TIME_AND_MATERIALS, "Europe/Berlin", "Asia/Kolkata",
                LocalTime.of(9, 0), end, CoveragePattern.HALF_DAY_OVERLAP, START, actor);
    }


    @Test
    void client_opens_an_engagement() {
        fixture.givenNoPriorActivity().when(open(CLIENT_LEAD, LocalTime.of(13, 0))).expectEvents(OPENED);
    }

    @Test
    void partner_cannot_open_an_engagement() {
        fixture.givenNoPriorActivity().when(open(PARTNER_LEAD, LocalTime.of(13, 0)))
                .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("client"));
    }

    @Test
    void overlap_window_must_not_be_empty() {
        fixture.givenNoPriorActivity().when(open(CLIENT_LEAD, LocalTime.of(9, 0)))
                .expectException(violates("engagement.overlap.empty"));
    }

    @Test
    void lifecycle_goes_active_paused_active_closed() {
        fixture.given(OPENED).when(new PauseEngagement(ENGAGEMENT, null, "budget review", CLIENT_LEAD, WHEN))
                .expectEvents(new EngagementPausedV2(ID, "budget review", T1));
        fixture.given(OPENED, new EngagementPausedV2(ID, "x", T1)).when(new ResumeEngagement(ENGAGEMENT, null, "ok", CLIENT_LEAD, WHEN))
                .expectEvents(new EngagementResumedV2(ID, "ok", T1));
        fixture.given(OPENED).when(new CloseEngagement(ENGAGEMENT, null, "done", CLIENT_LEAD, WHEN))
                .expectEvents(new EngagementClosedV2(ID, "done", T1));
    }

    @Test
    void only_an_active_engagement_can_be_paused() {
        fixture.given(OPENED, new EngagementPausedV2(ID, "x", T1)).when(new PauseEngagement(ENGAGEMENT, null, "again", CLIENT_LEAD, WHEN))
                .expectException(violates("engagement.pause.not-active"));
    }

    @Test
    void only_a_paused_engagement_can_be_resumed() {
        fixture.given(OPENED).when(new ResumeEngagement(ENGAGEMENT, null, "x", CLIENT_LEAD, WHEN))
                .expectException(violates("engagement.resume.not-paused"));
    }

    @Test
    void a_closed_engagement_records_nothing_new() {
        fixture.given(OPENED, new EngagementClosedV2(ID, "done", T1))
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.MONITORING, "ravi", "Ravi", Side.PARTNER, "x",
                        CLIENT_LEAD, WHEN))
                .expectException(violates("engagement.closed"));
    }

    @ParameterizedTest
    @EnumSource(value = WorkType.class, names = {"CORE_ARCHITECTURE", "PRODUCT_STRATEGY", "SECURITY_RISK_ACCEPTANCE"})
    void keep_in_house_work_is_never_transferred(WorkType workType) {
        fixture.given(OPENED).when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "core", workType, Set.of(), CLIENT_LEAD, WHEN))
                .expectException(violates("workstream.work-type.keep-in-house"));
    }

    @Test
    void undefined_scope_needs_requirements_first() {
        fixture.given(OPENED)
                .when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "misc", WorkType.UNDEFINED_SCOPE, Set.of(), CLIENT_LEAD, WHEN))
                .expectException(violates("workstream.scope.undefined"));
    }

    @Test
    void transfer_needs_every_condition_of_its_work_type_confirmed() {
        fixture.given(OPENED)
                .when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "checkout", WorkType.WELL_DEFINED_FEATURE,
                        Set.of(TransferCondition.SPECS_AND_ACCEPTANCE_CRITERIA), CLIENT_LEAD, WHEN))
                .expectException(violates("workstream.condition.unconfirmed"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("REACHABLE_PRODUCT_OWNER"));
    }

    @Test
    void a_workstream_with_its_conditions_confirmed_moves_to_the_partner() {
        Set<TransferCondition> confirmed = Set.of(TransferCondition.RELEASE_DECISIONS_STAY_IN_HOUSE);
        fixture.given(OPENED)
                .when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "pipelines", WorkType.DEVOPS_CI_CD, confirmed,
                        CLIENT_LEAD, WHEN))
                .expectEvents(new WorkstreamTransferredV2(ID, "ws-1", "pipelines", WorkType.DEVOPS_CI_CD, confirmed,
                        true, T1));
    }

    @Test
    void partner_cannot_move_work_to_itself() {
        fixture.given(OPENED)
                .when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "qa", WorkType.QA_AUTOMATION,
                        WorkType.QA_AUTOMATION.requiredConditions(), PARTNER_LEAD, WHEN))
                .expectException(violates("workstream.transfer.client-only"));
    }

    @ParameterizedTest
    @EnumSource(value = OwnershipArea.class, names = {"PRIORITIES", "RELEASE_DECISIONS", "SECURITY_POSTURE"})
    void client_only_areas_cannot_be_owned_by_the_partner(OwnershipArea area) {
        fixture.given(OPENED)
                .when(new AssignOwnership(ENGAGEMENT, null, area, "ravi", "Ravi", Side.PARTNER, "convenient", CLIENT_LEAD, WHEN))
                .expectException(violates("ownership.area.client-only"));
    }

    @Test
    void first_owner_is_assigned_then_reassigned_with_the_previous_owner_recorded() {
        fixture.given(OPENED)
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "nights",
                        CLIENT_LEAD, WHEN))
                .expectEvents(new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "nights", T1));
        fixture.given(OPENED, new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "n", T1))
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "mia", "Mia", Side.CLIENT, "in-house",
                        CLIENT_LEAD, WHEN))
                .expectEvents(new OwnershipReassignedV2(ID, OwnershipArea.ON_CALL, "mia", "Mia", Side.CLIENT, "ravi",
                        Side.PARTNER, "in-house", T1));
    }

    @Test
    void reassigning_to_the_same_owner_is_refused() {
        fixture.given(OPENED, new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "n", T1))
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "again",
                        CLIENT_LEAD, WHEN))
                .expectException(violates("ownership.owner.unchanged"));
    }

    @Test
    void revoking_leaves_the_area_unowned_and_an_unowned_area_cannot_be_revoked() {
        fixture.given(OPENED, new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "ravi", "Ravi", Side.PARTNER, "n", T1))
                .when(new RevokeOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "left", CLIENT_LEAD, WHEN))
                .expectEvents(new OwnershipRevokedV2(ID, OwnershipArea.ON_CALL, "ravi", Side.PARTNER, "left", T1));
        fixture.given(OPENED).when(new RevokeOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "left", CLIENT_LEAD, WHEN))
                .expectException(violates("ownership.area.unowned"));
    }

    @Test
    void a_review_cannot_be_held_before_the_engagement_started() {
        fixture.given(OPENED)
                .when(new RecordGovernanceReview(ENGAGEMENT, null, "r-1", ReviewKind.WEEKLY_METRICS, START.minusDays(1),
                        List.of("anna"), List.of(), CLIENT_LEAD))
                .expectException(violates("governance.review.before-start"));
        fixture.given(OPENED)
                .when(new RecordGovernanceReview(ENGAGEMENT, null, "r-1", ReviewKind.WEEK_8_GOVERNANCE, START.plusWeeks(8),
                        List.of("anna", "ravi"), List.of("keep going"), CLIENT_LEAD))
                .expectEvents(new GovernanceReviewHeld(ID, "r-1", ReviewKind.WEEK_8_GOVERNANCE, START.plusWeeks(8),
                        List.of("anna", "ravi"), List.of("keep going")));
    }

    // ---- business time: not before the start, not before the change it follows

    @Test
    void nothing_of_the_engagement_happens_before_its_start_date_in_the_clients_time_zone() {
        BusinessTime justBefore = new BusinessTime(STARTS_AT.minusSeconds(1), NOW);
        fixture.given(OPENED)
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "p-1", "Priya", Side.PARTNER, "x",
                        CLIENT_LEAD, justBefore))
                .expectException(violates("ownership.time.before-start"));
        fixture.given(OPENED)
                .when(new TransferWorkstream(ENGAGEMENT, null, "ws-1", "Checkout", WorkType.MODULAR_PLATFORM,
                        Set.of(TransferCondition.API_CONTRACTS_AND_VERSIONING_AGREED), CLIENT_LEAD, justBefore))
                .expectException(violates("workstream.time.before-start"));
        fixture.given(OPENED)
                .when(new PauseEngagement(ENGAGEMENT, null, "x", CLIENT_LEAD, justBefore))
                .expectException(violates("engagement.time.before-start"));
    }

    @Test
    void the_first_moment_of_the_start_date_is_allowed() {
        fixture.given(OPENED)
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "p-1", "Priya", Side.PARTNER, "x",
                        CLIENT_LEAD, new BusinessTime(STARTS_AT, NOW)))
                .expectEvents(new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "p-1", "Priya", Side.PARTNER, "x",
                        STARTS_AT));
    }

    @Test
    void a_reassignment_or_revocation_is_not_before_the_assignment_it_replaces() {
        OwnershipAssignedV2 assigned = new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "p-1", "Priya",
                Side.PARTNER, "x", T1);
        BusinessTime earlier = new BusinessTime(T1.minusSeconds(3600), NOW);
        fixture.given(OPENED, assigned)
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "p-2", "Arjun", Side.PARTNER, "y",
                        CLIENT_LEAD, earlier))
                .expectException(violates("ownership.time.backwards"));
        fixture.given(OPENED, assigned)
                .when(new RevokeOwnership(ENGAGEMENT, null, OwnershipArea.ON_CALL, "y", CLIENT_LEAD, earlier))
                .expectException(violates("ownership.time.backwards"));
    }

    @Test
    void another_area_is_not_held_to_this_areas_last_change() {
        fixture.given(OPENED, new OwnershipAssignedV2(ID, OwnershipArea.ON_CALL, "p-1", "Priya", Side.PARTNER, "x",
                        T1))
                .when(new AssignOwnership(ENGAGEMENT, null, OwnershipArea.MONITORING, "p-2", "Arjun", Side.PARTNER,
                        "y", CLIENT_LEAD, new BusinessTime(T1.minusSeconds(3600), NOW)))
                .expectEvents(new OwnershipAssignedV2(ID, OwnershipArea.MONITORING, "p-2", "Arjun", Side.PARTNER,
                        "y", T1.minusSeconds(3600)));
    }

    @Test
    void a_resumption_is_not_before_its_pause_nor_a_closure_before_the_last_resumption() {
        fixture.given(OPENED, new EngagementPausedV2(ID, "budget", T1))
                .when(new ResumeEngagement(ENGAGEMENT, null, "x", CLIENT_LEAD, new BusinessTime(T1.minusSeconds(1), NOW)))
                .expectException(violates("engagement.time.backwards"));
        fixture.given(OPENED, new EngagementPausedV2(ID, "budget", T1), new EngagementResumedV2(ID, "ok", T1))
                .when(new CloseEngagement(ENGAGEMENT, null, "done", CLIENT_LEAD,
                        new BusinessTime(T1.minusSeconds(1), NOW)))
                .expectException(violates("engagement.time.backwards"));
    }

    @Test
    void a_change_in_the_future_is_refused() {
        fixture.given(OPENED)
                .when(new PauseEngagement(ENGAGEMENT, null, "x", CLIENT_LEAD,
                        new BusinessTime(NOW.plusSeconds(3600), NOW)))
                .expectException(violates("time.future"));
    }

    @Test
    void a_coverage_change_or_escalation_path_is_not_before_the_one_it_replaces() {
        fixture.given(OPENED, new CoverageChangedV2(ID, CoveragePattern.ASYNC_FIRST, LocalTime.of(9, 0),
                        LocalTime.of(10, 0), "x", T1))
                .when(new ChangeCoverage(ENGAGEMENT, null, CoveragePattern.HALF_DAY_OVERLAP, LocalTime.of(9, 0),
                        LocalTime.of(13, 0), "y", CLIENT_LEAD, new BusinessTime(T1.minusSeconds(1), NOW)))
                .expectException(violates("engagement.time.backwards"));
        List<EscalationLevel> levels = List.of(new EscalationLevel("Lead", "lead@example.com", Side.CLIENT));
        fixture.given(OPENED, new EscalationPathDefinedV2(ID, levels, T1))
                .when(new DefineEscalationPath(ENGAGEMENT, null, levels, CLIENT_LEAD,
                        new BusinessTime(T1.minusSeconds(1), NOW)))
                .expectException(violates("governance.time.backwards"));
        fixture.given(OPENED)
                .when(new DefineEscalationPath(ENGAGEMENT, null, levels, CLIENT_LEAD,
                        new BusinessTime(STARTS_AT.minusSeconds(1), NOW)))
                .expectException(violates("governance.time.before-start"));
    }
}
