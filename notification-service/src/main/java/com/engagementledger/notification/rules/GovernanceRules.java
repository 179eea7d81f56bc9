package com.engagementledger.notification.rules;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.EngagementEvents.EngagementResumed;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipReassigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.rules.QualityDrift.WeekRatio;
import com.engagementledger.notification.schedule.Deadline;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Every governance rule of DOMAIN.md, applied to one ledger event inside the consumer's transaction. Event rules
 * open or clear alerts at once; time rules write or cancel schedule entries that the poller fires later.
 */
@Component
public class GovernanceRules {
    static final String WEEKLY_METRICS_SUBJECT = "weekly-metrics";
    static final String WEEK8_SUBJECT = "week-8-review";
    static final String FIRST_INCREMENT_SUBJECT = "first-increment";
    static final String LEAKAGE_SUBJECT = "defect-leakage";
    static final String REWORK_SUBJECT = "rework-rate";

    private final RulesProperties props;
    private final RuleFacts facts;
    private final Alerts alerts;
    private final Deadlines deadlines;
    private final Clock clock;

    public GovernanceRules(RulesProperties props, RuleFacts facts, Alerts alerts, Deadlines deadlines, Clock clock) {
        this.props = props;
        this.facts = facts;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A ledger event as it arrived: its CloudEvents id (de-duplication and alert causes) and payload. */
    public record Arrived(String eventId, LedgerEvent event) {
    }

    public void apply(Arrived arrived) {
        LedgerEvent e = arrived.event();
        String id = arrived.eventId();
        if (e instanceof EngagementOpened opened) {
            engagementOpened(opened, id);
        } else if (e instanceof EngagementClosed closed) {
            facts.status(closed.engagementId(), "CLOSED");
            deadlines.cancelAll(closed.engagementId());
            alerts.clearAll(closed.engagementId(), null, id, "engagement closed");
        } else if (e instanceof EngagementPaused paused) {
            // a paused engagement keeps its alerts: the gaps it leaves are still gaps
            facts.status(paused.engagementId(), "PAUSED");
        } else if (e instanceof EngagementResumed resumed) {
            facts.status(resumed.engagementId(), "ACTIVE");
        } else if (e instanceof OwnershipAssigned assigned) {
            owned(assigned.engagementId(), assigned.area(), assigned.ownerId(), id);
        } else if (e instanceof OwnershipReassigned reassigned) {
            owned(reassigned.engagementId(), reassigned.area(), reassigned.ownerId(), id);
        } else if (e instanceof OwnershipRevoked revoked) {
            ownershipRevoked(revoked, id);
        } else if (e instanceof GovernanceReviewHeld review) {
            reviewHeld(review, id);
        } else if (e instanceof IncidentOpened incident) {
            incidentOpened(incident, id);
        } else if (e instanceof IncidentAcknowledged ack) {
            incidentAcknowledgedOrResolved(ack.engagementId(), ack.incidentId(), id, "incident acknowledged");
        } else if (e instanceof IncidentResolved resolved) {
            incidentAcknowledgedOrResolved(resolved.engagementId(), resolved.incidentId(), id, "incident resolved");
        } else if (e instanceof PostmortemPublished postmortem) {
            alerts.clear(new AlertCondition(RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, postmortem.engagementId(),
                    postmortem.incidentId()), id, "postmortem published");
        } else if (e instanceof ReleaseShipped shipped) {
            releaseShipped(shipped, id);
        } else if (e instanceof DecisionProposed proposed) {
            if (proposed.supersedes() != null && !proposed.supersedes().isBlank()) {
                facts.successor(proposed.engagementId(), proposed.decisionId(), proposed.supersedes());
            }
        } else if (e instanceof DecisionAccepted accepted) {
            if (accepted.inEffect()) {
                successorInEffect(accepted.engagementId(), accepted.decisionId(), id);
            }
        } else if (e instanceof DecisionApproved approved) {
            successorInEffect(approved.engagementId(), approved.decisionId(), id);
        } else if (e instanceof DecisionReversed reversed) {
            decisionReversed(reversed, id);
        } else if (e instanceof DefectFound defect) {
            defectFound(defect, id);
        } else if (e instanceof WorkItemDelivered delivered) {
            ZoneId zone = facts.zoneOf(delivered.engagementId());
            facts.countWeek(delivered.engagementId(), week(delivered.deliveredAt(), zone), 0, 0, 1, 0);
            evaluateRework(delivered.engagementId(), id);
        } else if (e instanceof WorkItemReopened reopened) {
            workItemReopened(reopened, id);
        } else if (e instanceof EngineerLeft left) {
            engineerLeft(left, id);
        } else if (e instanceof EngineerJoined joined) {
            // a replacement joined: the gap the early departure left is being closed
            alerts.clearAll(joined.engagementId(), RuleNames.EARLY_DEPARTURE, id,
                    "engineer " + joined.engineerId() + " joined");
        }
    }

    private void engagementOpened(EngagementOpened e, String id) {
        facts.engagementOpened(e.engagementId(), e.startDate(), e.clientTimeZone());
        Instant start = e.startDate().atStartOfDay(facts.zoneOf(e.engagementId())).toInstant();
        List<String> causes = List.of(id);
        Duration grace = props.ownership().gracePeriod();
        for (OwnershipArea area : OwnershipArea.values()) {
            deadlines.register(new Deadline(unowned(e.engagementId(), area), start.plus(grace), AlertSeverity.WARNING,
                    unownedMessage(area), causes));
        }
        deadlines.register(new Deadline(
                new AlertCondition(RuleNames.WEEK8_REVIEW_DUE, e.engagementId(), WEEK8_SUBJECT),
                start.plus(props.week8Review().dueAfter()), AlertSeverity.INFO,
                "The week-8 governance review is due: the engagement is in week 7", causes));
        deadlines.register(new Deadline(
                new AlertCondition(RuleNames.WEEK8_REVIEW_OVERDUE, e.engagementId(), WEEK8_SUBJECT),
                start.plus(props.week8Review().overdueAfter()), AlertSeverity.CRITICAL,
                "The week-8 governance review is overdue: week 9 has ended without it", causes));
        scheduleWeeklyMetrics(e.engagementId(), start, causes);
        deadlines.register(new Deadline(
                new AlertCondition(RuleNames.FIRST_INCREMENT_MISSING, e.engagementId(), FIRST_INCREMENT_SUBJECT),
                start.plus(props.firstIncrement().within()), AlertSeverity.WARNING,
                "No first increment shipped " + props.firstIncrement().within().toDays()
                        + " days after the engagement start", causes));
    }

    private void owned(String engagementId, OwnershipArea area, String ownerId, String id) {
        facts.owner(engagementId, area, ownerId);
        deadlines.cancel(unowned(engagementId, area));
        alerts.clear(unowned(engagementId, area), id, "owner " + ownerId + " assigned");
    }

    private void ownershipRevoked(OwnershipRevoked e, String id) {
        facts.owner(e.engagementId(), e.area(), null);
        // inside the grace period the alert waits for its end; after it, the due time is already past
        Instant due = facts.engagement(e.engagementId())
                .map(g -> g.startDate().atStartOfDay(g.zone()).toInstant().plus(props.ownership().gracePeriod()))
                .orElse(Instant.EPOCH);
        deadlines.register(new Deadline(unowned(e.engagementId(), e.area()), due, AlertSeverity.WARNING,
                unownedMessage(e.area()),
                List.of(id)));
    }

    private void reviewHeld(GovernanceReviewHeld e, String id) {
        if (e.kind() == ReviewKind.WEEK_8_GOVERNANCE) {
            for (String rule : List.of(RuleNames.WEEK8_REVIEW_DUE, RuleNames.WEEK8_REVIEW_OVERDUE)) {
                AlertCondition condition = new AlertCondition(rule, e.engagementId(), WEEK8_SUBJECT);
                deadlines.cancel(condition);
                alerts.clear(condition, id, "week-8 governance review held on " + e.heldOn());
            }
        } else if (e.kind() == ReviewKind.WEEKLY_METRICS) {
            AlertCondition condition = weeklyMetrics(e.engagementId());
            alerts.clear(condition, id, "weekly metrics review held on " + e.heldOn());
            Instant held = e.heldOn().atStartOfDay(facts.zoneOf(e.engagementId())).toInstant();
            Instant due = held.plus(props.weeklyMetrics().maxGap());
            // an older review arriving late must not pull the next due time back
            Instant current = deadlines.pendingDueAt(condition).orElse(Instant.MIN);
            if (due.isAfter(current)) {
                scheduleWeeklyMetrics(e.engagementId(), held, List.of(id));
            }
        }
    }

    private void scheduleWeeklyMetrics(String engagementId, Instant from, List<String> causes) {
        long days = props.weeklyMetrics().maxGap().toDays();
        deadlines.register(new Deadline(weeklyMetrics(engagementId), from.plus(props.weeklyMetrics().maxGap()),
                AlertSeverity.WARNING,
                "No weekly metrics review for " + days + " days", causes));
    }

    private void incidentOpened(IncidentOpened e, String id) {
        Duration target = e.acknowledgeTargetMinutes() > 0
                ? Duration.ofMinutes(e.acknowledgeTargetMinutes())
                : props.incidentAcknowledge().fallbackTargets().getOrDefault(e.severity(), Duration.ofHours(24));
        AlertSeverity severity = e.severity() == Severity.SEV1 || e.severity() == Severity.SEV2
                ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        deadlines.register(new Deadline(
                new AlertCondition(RuleNames.INCIDENT_NOT_ACKNOWLEDGED, e.engagementId(), e.incidentId()),
                e.detectedAt().plus(target), severity,
                e.severity() + " incident '" + e.title() + "' on " + e.service() + " not acknowledged within "
                        + target.toMinutes() + " minutes", List.of(id)));
        if (e.startedOutsideOverlap() && (e.runbookUrl() == null || e.runbookUrl().isBlank())) {
            alerts.open(new AlertCondition(RuleNames.INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, e.engagementId(),
                            e.incidentId()), severity,
                    e.severity() + " incident '" + e.title() + "' on " + e.service()
                            + " started outside the overlap window and has no runbook", List.of(id));
        }
    }

    private void incidentAcknowledgedOrResolved(String engagementId, String incidentId, String id, String note) {
        AlertCondition condition = new AlertCondition(RuleNames.INCIDENT_NOT_ACKNOWLEDGED, engagementId, incidentId);
        deadlines.cancel(condition);
        alerts.clear(condition, id, note);
    }

    private void releaseShipped(ReleaseShipped e, String id) {
        facts.firstReleaseShipped(e.engagementId(), e.shippedOn());
        AlertCondition condition = new AlertCondition(RuleNames.FIRST_INCREMENT_MISSING, e.engagementId(),
                FIRST_INCREMENT_SUBJECT);
        deadlines.cancel(condition);
        alerts.clear(condition, id, "release " + e.name() + " shipped on " + e.shippedOn());
    }

    private void decisionReversed(DecisionReversed e, String id) {
        if (e.reversibility() == Reversibility.REVERSIBLE) {
            return;
        }
        AlertSeverity severity = e.reversibility() == Reversibility.IRREVERSIBLE
                ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        alerts.open(new AlertCondition(RuleNames.COSTLY_DECISION_REVERSED, e.engagementId(), e.decisionId()), severity,
                e.reversibility() + " " + e.category() + " decision " + e.decisionId() + " reversed by "
                        + e.reversedBy() + " (" + e.reversedBySide() + "): " + e.reason(), List.of(id));
    }

    /** A decision that supersedes a reversed one took effect: the reversal is documented and replaced. */
    private void successorInEffect(String engagementId, String decisionId, String id) {
        facts.supersededBy(engagementId, decisionId).ifPresent(reversed -> alerts.clear(
                new AlertCondition(RuleNames.COSTLY_DECISION_REVERSED, engagementId, reversed), id,
                "superseded by decision " + decisionId));
    }

    private void defectFound(DefectFound e, String id) {
        ZoneId zone = facts.zoneOf(e.engagementId());
        facts.countWeek(e.engagementId(), week(e.foundAt(), zone), e.stage() == DefectStage.PRODUCTION ? 1 : 0, 1,
                0, 0);
        evaluate(e.engagementId(), LEAKAGE_SUBJECT, "defect leakage", facts.leakage(e.engagementId()), id);
    }

    private void workItemReopened(WorkItemReopened e, String id) {
        if (Duration.between(e.deliveredAt(), e.reopenedAt()).compareTo(props.qualityDrift().reworkWindow()) > 0) {
            return;
        }
        ZoneId zone = facts.zoneOf(e.engagementId());
        // rework belongs to the week the item was delivered in, so the ratio is reopened / delivered of that week
        facts.countWeek(e.engagementId(), week(e.deliveredAt(), zone), 0, 0, 0, 1);
        evaluateRework(e.engagementId(), id);
    }

    private void evaluateRework(String engagementId, String id) {
        evaluate(engagementId, REWORK_SUBJECT, "rework rate", facts.rework(engagementId), id);
    }

    private void evaluate(String engagementId, String subject, String measure, List<WeekRatio> weeks, String id) {
        AlertCondition condition = new AlertCondition(RuleNames.QUALITY_DRIFT, engagementId, subject);
        int n = props.qualityDrift().weeks();
        LocalDate currentWeek = week(clock.instant(), facts.zoneOf(engagementId));
        if (QualityDrift.rising(weeks, n, currentWeek)) {
            alerts.open(condition, AlertSeverity.WARNING, "Quality drift: " + measure + " rose in each of the last "
                    + n + " completed ISO weeks (" + QualityDrift.trail(weeks, n, currentWeek) + ")", List.of(id));
        } else {
            alerts.clear(condition, id, measure + " no longer rising over " + n + " weeks");
        }
    }

    private void engineerLeft(EngineerLeft e, String id) {
        if (e.daysOnEngagement() <= props.earlyDeparture().withinDays()) {
            alerts.open(new AlertCondition(RuleNames.EARLY_DEPARTURE, e.engagementId(), e.engineerId()),
                    AlertSeverity.WARNING, "Engineer " + e.engineerId() + " left after " + e.daysOnEngagement()
                            + " days (within " + props.earlyDeparture().withinDays() + " days of joining)",
                    List.of(id));
        }
    }

    private static AlertCondition unowned(String engagementId, OwnershipArea area) {
        return new AlertCondition(RuleNames.OWNERSHIP_AREA_UNOWNED, engagementId, area.name());
    }

    private String unownedMessage(OwnershipArea area) {
        return "Ownership area " + area + " has no owner " + props.ownership().gracePeriod().toDays()
                + " days after the engagement start: undefined work";
    }

    private static AlertCondition weeklyMetrics(String engagementId) {
        return new AlertCondition(RuleNames.WEEKLY_METRICS_LAPSED, engagementId, WEEKLY_METRICS_SUBJECT);
    }

    /** The Monday of the ISO week the instant falls in, in the client's time zone. */
    static LocalDate week(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
