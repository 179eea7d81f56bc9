package com.engagementledger.scorecard.support;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipReassigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Twelve weeks of one engagement, 2026-01-05 (Monday of ISO week 2026-W02) to 2026-03-27 (Friday of 2026-W13, the
 * tests' "today"). The expected numbers are worked out by hand in ScriptedEngagementHistoryTest.
 */
public final class TwelveWeekHistory {
    public static final LocalDate START = LocalDate.of(2026, 1, 5);

    private TwelveWeekHistory() {
    }

    /** Publishes the history in the order the ledger recorded it; returns the ce_ids. */
    public static List<String> publish(LedgerPublisher p, String e, String name) {
        return publish(p, e, name, "Northwind Bank", "Baltic Code");
    }

    /** The same history with the given client and partner names (e.g. hostile strings for the browser test). */
    public static List<String> publish(LedgerPublisher p, String e, String name, String clientName,
                                       String partnerName) {
        Recorder r = new Recorder(p, e);
        r.at("2026-01-05T08:00:00Z", "lead-1", new EngagementOpened(e, name, clientName, partnerName,
                EngagementModel.DEDICATED_TEAM, ManagementStructure.SHARED, ContractType.TIME_AND_MATERIALS,
                "Europe/London", "Europe/Riga", LocalTime.of(9, 0), LocalTime.of(13, 0),
                CoveragePattern.HALF_DAY_OVERLAP, START));
        // ownership: ten of twelve areas owned from day one; DEPLOY_PIPELINE changes hands; MONITORING is revoked
        List<OwnershipArea> owned = List.of(OwnershipArea.PRIORITIES, OwnershipArea.DECISION_APPROVAL,
                OwnershipArea.ESCALATION, OwnershipArea.DEFINITION_OF_DONE, OwnershipArea.INFRASTRUCTURE_AS_CODE,
                OwnershipArea.DEPLOY_PIPELINE, OwnershipArea.MONITORING, OwnershipArea.ON_CALL,
                OwnershipArea.RELEASE_DECISIONS, OwnershipArea.SECURITY_POSTURE);
        for (OwnershipArea area : owned) {
            r.at("2026-01-05T09:00:00Z", "lead-1", new OwnershipAssigned(e, area, "owner-" + area.name().toLowerCase(),
                    "Owner", area.clientOnly() ? Side.CLIENT : Side.PARTNER, "kick-off"));
        }
        r.at("2026-02-03T10:00:00Z", "lead-1", new OwnershipReassigned(e, OwnershipArea.DEPLOY_PIPELINE, "owner-2",
                "Second owner", Side.PARTNER, "owner-deploy_pipeline", Side.PARTNER, "rotation"));
        r.at("2026-02-20T10:00:00Z", "lead-1", new OwnershipRevoked(e, OwnershipArea.MONITORING,
                "owner-monitoring", Side.PARTNER, "owner left the team"));

        // engineers
        joined(r, e, "E1", "2026-01-05");
        joined(r, e, "E2", "2026-01-05");
        joined(r, e, "E3", "2026-01-19");
        joined(r, e, "E4", "2026-02-02");
        joined(r, e, "E5", "2026-03-09");
        phase(r, e, "E1", OnboardingPhase.OBSERVATION, OnboardingPhase.CONTRIBUTION, "2026-01-26");
        phase(r, e, "E2", OnboardingPhase.OBSERVATION, OnboardingPhase.CONTRIBUTION, "2026-02-09");
        phase(r, e, "E3", OnboardingPhase.OBSERVATION, OnboardingPhase.CONTRIBUTION, "2026-02-23");
        phase(r, e, "E1", OnboardingPhase.CONTRIBUTION, OnboardingPhase.ACCOUNTABLE_OWNERSHIP, "2026-03-02");
        r.at("2026-02-02T12:00:00Z", "lead-1", new OnboardingMilestoneReached(e, "E1",
                OnboardingMilestone.FIRST_INCREMENT_SHIPPED, LocalDate.parse("2026-02-02")));
        kt(r, e, "E1", 4, "2026-02-04", 30);
        kt(r, e, "E2", 3, "2026-02-04", 30);
        kt(r, e, "E3", 5, "2026-02-18", 30);
        kt(r, e, "E4", 2, "2026-03-04", 30);
        r.at("2026-03-06T17:00:00Z", "partner-mgr", new EngineerLeft(e, "E4", LocalDate.parse("2026-02-02"),
                LocalDate.parse("2026-03-06"), 32, "resigned"));

        // work items: started → delivered (→ reopened)
        item(r, e, "WI-1", "2026-01-12T09:00:00Z", "2026-01-15T09:00:00Z");
        item(r, e, "WI-2", "2026-01-19T09:00:00Z", "2026-01-26T09:00:00Z");
        item(r, e, "WI-3", "2026-01-26T09:00:00Z", "2026-01-28T09:00:00Z");
        item(r, e, "WI-4", "2026-02-02T09:00:00Z", "2026-02-12T09:00:00Z");
        item(r, e, "WI-5", "2026-03-02T09:00:00Z", "2026-03-06T09:00:00Z");
        item(r, e, "WI-6", "2026-03-09T09:00:00Z", "2026-03-14T09:00:00Z");
        r.at("2026-03-16T09:00:00Z", "partner-dev", new WorkItemStarted(e, "WI-7", "WI-7", "ws-1",
                Instant.parse("2026-03-16T09:00:00Z")));
        reopen(r, e, "WI-3", "2026-01-28T09:00:00Z", "2026-02-10T09:00:00Z");
        reopen(r, e, "WI-1", "2026-01-15T09:00:00Z", "2026-03-01T09:00:00Z");
        reopen(r, e, "WI-5", "2026-03-06T09:00:00Z", "2026-03-20T09:00:00Z");

        // releases: planned → shipped
        release(r, e, "R1", "2026-01-30", "2026-01-30");
        release(r, e, "R2", "2026-02-13", "2026-02-14");
        release(r, e, "R3", "2026-02-27", "2026-03-03");
        release(r, e, "R4", "2026-03-13", "2026-03-13");
        r.at("2026-03-02T09:00:00Z", "lead-1", new ReleasePlanned(e, "R5", "R5", LocalDate.parse("2026-03-27")));

        // defects
        defect(r, e, "D1", DefectStage.BEFORE_RELEASE, "2026-01-20T10:00:00Z");
        defect(r, e, "D2", DefectStage.BEFORE_RELEASE, "2026-01-28T10:00:00Z");
        defect(r, e, "D3", DefectStage.PRODUCTION, "2026-02-03T10:00:00Z");
        defect(r, e, "D4", DefectStage.BEFORE_RELEASE, "2026-02-11T10:00:00Z");
        defect(r, e, "D5", DefectStage.PRODUCTION, "2026-03-04T10:00:00Z");
        defect(r, e, "D6", DefectStage.BEFORE_RELEASE, "2026-03-10T10:00:00Z");
        defect(r, e, "D7", DefectStage.BEFORE_RELEASE, "2026-03-18T10:00:00Z");
        defect(r, e, "D8", DefectStage.BEFORE_RELEASE, "2026-03-24T10:00:00Z");

        // incidents: a SEV1 at 3 am acknowledged after 50 minutes (target 15)
        incident(r, e, "I1", Severity.SEV1, "2026-02-18T03:00:00Z", "2026-02-18T03:50:00Z", "2026-02-18T07:00:00Z",
                true, 15);
        incident(r, e, "I2", Severity.SEV3, "2026-03-10T14:00:00Z", "2026-03-10T14:30:00Z", "2026-03-10T20:00:00Z",
                false, 240);
        incident(r, e, "I3", Severity.SEV2, "2026-03-24T10:00:00Z", "2026-03-24T10:10:00Z", null, false, 30);

        // satisfaction
        rating(r, e, "S1", 3, "2026-01-16");
        rating(r, e, "S2", 4, "2026-01-30");
        rating(r, e, "S3", 4, "2026-02-13");
        rating(r, e, "S4", 3, "2026-02-27");
        rating(r, e, "S5", 5, "2026-03-13");
        rating(r, e, "S6", 4, "2026-03-27");

        // weekly metrics reviews every Friday but in W07 (Feb 13); the week-8 review on Feb 24 (day 50)
        for (String day : List.of("2026-01-09", "2026-01-16", "2026-01-23", "2026-01-30", "2026-02-06", "2026-02-20",
                "2026-02-27", "2026-03-06", "2026-03-13", "2026-03-20")) {
            review(r, e, "weekly-" + day, ReviewKind.WEEKLY_METRICS, day);
        }
        review(r, e, "week-8", ReviewKind.WEEK_8_GOVERNANCE, "2026-02-24");

        // decisions accepted (recorded) on six days
        int n = 0;
        for (String at : List.of("2026-01-07T11:00:00Z", "2026-01-14T11:00:00Z", "2026-01-28T11:00:00Z",
                "2026-02-11T11:00:00Z", "2026-03-04T11:00:00Z", "2026-03-18T11:00:00Z")) {
            String decisionId = e + "-ADR-" + (++n);
            r.at(at, "partner-architect", new DecisionProposed(e, decisionId, "ADR " + n, DecisionCategory.DATA_MODEL,
                    "context", "decision", "consequences", List.of(), Reversibility.REVERSIBLE, null,
                    "partner-architect", Side.PARTNER));
            r.at(at, "lead-1", new DecisionAccepted(e, decisionId, DecisionCategory.DATA_MODEL,
                    Reversibility.REVERSIBLE, "lead-1", Side.CLIENT, true));
        }
        return r.ids;
    }

    private static void joined(Recorder r, String e, String id, String on) {
        r.at(on + "T09:00:00Z", "partner-mgr", new EngineerJoined(e, id, "Engineer " + id, Side.PARTNER, "developer",
                LocalDate.parse(on)));
    }

    private static void phase(Recorder r, String e, String id, OnboardingPhase from, OnboardingPhase to, String on) {
        r.at(on + "T12:00:00Z", "lead-1", new OnboardingPhaseAdvanced(e, id, from, to, LocalDate.parse(on)));
    }

    private static void kt(Recorder r, String e, String id, int score, String on, int days) {
        r.at(on + "T12:00:00Z", "lead-1", new KnowledgeTransferAssessed(e, id, score, LocalDate.parse(on), days, ""));
    }

    private static void item(Recorder r, String e, String id, String started, String delivered) {
        r.at(started, "partner-dev", new WorkItemStarted(e, id, id, "ws-1", Instant.parse(started)));
        r.at(delivered, "partner-dev", new WorkItemDelivered(e, id, Instant.parse(started), Instant.parse(delivered)));
    }

    private static void reopen(Recorder r, String e, String id, String delivered, String reopened) {
        r.at(reopened, "lead-1", new WorkItemReopened(e, id, Instant.parse(delivered), Instant.parse(reopened),
                "acceptance criteria not met"));
    }

    private static void release(Recorder r, String e, String id, String planned, String shipped) {
        LocalDate plannedFor = LocalDate.parse(planned);
        LocalDate shippedOn = LocalDate.parse(shipped);
        r.at(plannedFor.minusDays(14) + "T09:00:00Z", "lead-1", new ReleasePlanned(e, id, id, plannedFor));
        r.at(shipped + "T16:00:00Z", "partner-dev", new ReleaseShipped(e, id, id, plannedFor, shippedOn,
                ChronoUnit.DAYS.between(plannedFor, shippedOn)));
    }

    private static void defect(Recorder r, String e, String id, DefectStage stage, String at) {
        r.at(at, "qa-1", new DefectFound(e, id, stage, Severity.SEV3, Instant.parse(at), null, null, "defect " + id));
    }

    private static void incident(Recorder r, String e, String id, Severity severity, String detected, String acked,
                                 String resolved, boolean outside, long target) {
        Instant detectedAt = Instant.parse(detected);
        Instant ackedAt = Instant.parse(acked);
        long minutes = ChronoUnit.MINUTES.between(detectedAt, ackedAt);
        r.at(detected, "pager", new IncidentOpened(e, id, severity, "payments", "incident " + id, detectedAt,
                null, outside, target));
        r.at(acked, "partner-oncall", new IncidentAcknowledged(e, id, severity, ackedAt, "partner-oncall",
                Side.PARTNER, !outside, minutes, minutes <= target));
        if (resolved != null) {
            r.at(resolved, "partner-oncall", new IncidentResolved(e, id, severity, detectedAt, Instant.parse(resolved),
                    "root cause"));
        }
    }

    private static void rating(Recorder r, String e, String id, int rating, String on) {
        r.at(on + "T15:00:00Z", "stakeholder-1", new SatisfactionRated(e, e + "-" + id, "Head of Product", rating,
                LocalDate.parse(on), ""));
    }

    private static void review(Recorder r, String e, String id, ReviewKind kind, String on) {
        r.at(on + "T14:00:00Z", "lead-1", new GovernanceReviewHeld(e, e + "-" + id, kind, LocalDate.parse(on),
                List.of("lead-1", "partner-mgr"), List.of("ok")));
    }

    private static final class Recorder {
        private final LedgerPublisher publisher;
        private final String engagementId;
        private final List<String> ids = new java.util.ArrayList<>();

        Recorder(LedgerPublisher publisher, String engagementId) {
            this.publisher = publisher;
            this.engagementId = engagementId;
        }

        void at(String time, String actor, LedgerEvent event) {
            ids.add(publisher.publish(event, Instant.parse(time), actor,
                    actor.startsWith("partner") ? "PARTNER" : "CLIENT"));
        }
    }
}
