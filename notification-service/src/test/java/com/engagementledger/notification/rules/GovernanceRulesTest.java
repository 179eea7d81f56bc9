package com.engagementledger.notification.rules;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static com.engagementledger.notification.rules.RuleNames.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each governance rule fires on a scripted history published to Kafka and resolves itself when it clears. */
class GovernanceRulesTest extends IntegrationTest {

    private String openEngagement(LocalDate start) {
        String engagement = newId();
        awaitApplied(publish(new EngagementOpened(engagement, "Payments", "Acme", "Offshore Co",
                EngagementModel.DEDICATED_TEAM, ManagementStructure.SHARED, ContractType.DEDICATED, "UTC",
                "Asia/Kolkata", LocalTime.of(9, 0), LocalTime.of(13, 0), CoveragePattern.HALF_DAY_OVERLAP, start)));
        return engagement;
    }

    @Test
    void ownership_area_unowned_after_grace_period_clears_on_assignment_and_reopens_on_revocation() {
        String engagement = openEngagement(today());
        awaitApplied(publish(new OwnershipAssigned(engagement, OwnershipArea.PRIORITIES, "lead-1", "Lea", Side.CLIENT,
                "product lead")));
        // start is today 00:00 UTC, grace 14 days: 13 days on, nothing is due yet
        clock.advance(Duration.ofDays(13));
        sleepPolls();
        assertThat(alertCount(engagement, OWNERSHIP_AREA_UNOWNED)).isZero();

        clock.advance(Duration.ofDays(2));
        awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "OPEN");
        // 12 areas, one owned before the grace period ended: 11 alerts
        org.awaitility.Awaitility.await().until(() -> alertCount(engagement, OWNERSHIP_AREA_UNOWNED) == 11);
        assertThat(alert(engagement, OWNERSHIP_AREA_UNOWNED, "PRIORITIES", "OPEN")).isEmpty();

        String assigned = publish(new OwnershipAssigned(engagement, OwnershipArea.ON_CALL, "eng-7", "Ravi",
                Side.PARTNER, "on-call rota agreed"));
        var resolved = awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "RESOLVED");
        assertThat(resolved.causes()).contains(assigned);

        String revoked = publish(new OwnershipRevoked(engagement, OwnershipArea.ON_CALL, "eng-7", Side.PARTNER,
                "left the rota"));
        var reopened = awaitAlert(engagement, OWNERSHIP_AREA_UNOWNED, "ON_CALL", "OPEN");
        assertThat(reopened.causes()).containsExactly(revoked);
        assertThat(reopened.id()).isNotEqualTo(resolved.id());
    }

    @Test
    void week8_review_due_in_week_7_overdue_after_week_9_and_both_clear_when_held() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(43)); // day 43: week 7
        awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "OPEN");
        assertThat(alert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN")).isEmpty();

        clock.advance(Duration.ofDays(21)); // day 64: week 9 is over
        var overdue = awaitAlert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "OPEN");
        assertThat(overdue.severity()).isEqualTo("CRITICAL");

        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEK_8_GOVERNANCE, today(),
                List.of("lead-1", "pm-2"), List.of("ownership gaps closed")));
        awaitAlert(engagement, WEEK8_REVIEW_DUE, "week-8-review", "RESOLVED");
        awaitAlert(engagement, WEEK8_REVIEW_OVERDUE, "week-8-review", "RESOLVED");
    }

    @Test
    void weekly_metrics_review_lapsed_after_14_days_clears_when_held_and_lapses_again() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(15));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "OPEN");

        publish(new GovernanceReviewHeld(engagement, newId(), ReviewKind.WEEKLY_METRICS, today(), List.of("lead-1"),
                List.of("metrics reviewed")));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "RESOLVED");

        // the next review is due 14 days after the one just held
        clock.advance(Duration.ofDays(15));
        awaitAlert(engagement, WEEKLY_METRICS_LAPSED, "weekly-metrics", "OPEN");
        assertThat(alertCount(engagement, WEEKLY_METRICS_LAPSED)).isEqualTo(2);
    }

    @Test
    void incident_not_acknowledged_in_time_fires_after_target_and_clears_on_acknowledgement() {
        String engagement = openEngagement(today());
        String late = newId();
        String onTime = newId();
        Instant detected = clock.instant();
        publish(new IncidentOpened(engagement, late, Severity.SEV1, "payments-api", "5xx spike", detected,
                "https://runbooks/payments", false, 15));
        publish(new IncidentOpened(engagement, onTime, Severity.SEV2, "ledger-api", "slow", detected,
                "https://runbooks/ledger", false, 30));
        awaitApplied(publish(new IncidentAcknowledged(engagement, onTime, Severity.SEV2, detected.plusSeconds(60),
                "eng-3", Side.PARTNER, true, 1, true)));

        clock.advance(Duration.ofMinutes(16));
        var alert = awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, late, "OPEN");
        assertThat(alert.severity()).isEqualTo("CRITICAL");

        publish(new IncidentAcknowledged(engagement, late, Severity.SEV1, clock.instant(), "eng-4", Side.PARTNER,
                false, 16, false));
        awaitAlert(engagement, INCIDENT_NOT_ACKNOWLEDGED, late, "RESOLVED");

        clock.advance(Duration.ofMinutes(31));
        sleepPolls();
        assertThat(alertCount(engagement, INCIDENT_NOT_ACKNOWLEDGED)).isEqualTo(1);
    }

    @Test
    void incident_outside_overlap_without_runbook_fires_at_once_and_clears_with_postmortem() {
        String engagement = openEngagement(today());
        String noRunbook = newId();
        String withRunbook = newId();
        publish(new IncidentOpened(engagement, withRunbook, Severity.SEV3, "search", "index lag", clock.instant(),
                "https://runbooks/search", true, 240));
        String opened = publish(new IncidentOpened(engagement, noRunbook, Severity.SEV2, "billing", "3 am outage",
                clock.instant(), null, true, 30));
        var alert = awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, noRunbook, "OPEN");
        assertThat(alert.causes()).containsExactly(opened);
        assertThat(alert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, withRunbook, "OPEN")).isEmpty();

        publish(new PostmortemPublished(engagement, noRunbook, clock.instant(), "https://pm/1", "runbook written"));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, noRunbook, "RESOLVED");
    }

    @Test
    void first_increment_missing_28_days_after_start_clears_when_a_release_ships() {
        String engagement = openEngagement(today());
        clock.advance(Duration.ofDays(29));
        awaitAlert(engagement, FIRST_INCREMENT_MISSING, "first-increment", "OPEN");

        publish(new ReleaseShipped(engagement, newId(), "1.0", today().minusDays(1), today(), 1));
        awaitAlert(engagement, FIRST_INCREMENT_MISSING, "first-increment", "RESOLVED");
    }

    @Test
    void first_increment_shipped_in_time_never_alerts() {
        String engagement = openEngagement(today());
        awaitApplied(publish(new ReleaseShipped(engagement, newId(), "0.1", today(), today(), 0)));
        clock.advance(Duration.ofDays(29));
        sleepPolls();
        assertThat(alertCount(engagement, FIRST_INCREMENT_MISSING)).isZero();
    }

    @Test
    void costly_decision_reversed_alerts_and_clears_when_a_successor_takes_effect() {
        String engagement = openEngagement(today());
        String costly = newId();
        String reversible = newId();
        publish(new DecisionReversed(engagement, reversible, DecisionCategory.PROCESS, Reversibility.REVERSIBLE,
                "trial ended", "lead-1", Side.CLIENT));
        publish(new DecisionReversed(engagement, costly, DecisionCategory.DATA_MODEL, Reversibility.COSTLY,
                "sharding too early", "lead-1", Side.CLIENT));
        var alert = awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "OPEN");
        assertThat(alert.severity()).isEqualTo("WARNING");
        assertThat(alertCount(engagement, COSTLY_DECISION_REVERSED)).isEqualTo(1);

        String successor = newId();
        publish(new DecisionProposed(engagement, successor, "Single schema", DecisionCategory.DATA_MODEL, "ctx",
                "one schema", "simpler", List.of("shards"), Reversibility.COSTLY, costly, "arch-1", Side.PARTNER));
        publish(new DecisionAccepted(engagement, successor, DecisionCategory.DATA_MODEL, Reversibility.COSTLY,
                "lead-1", Side.CLIENT, true));
        awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "RESOLVED");
    }

    @Test
    void irreversible_decision_reversed_is_critical() {
        String engagement = openEngagement(today());
        String decision = newId();
        publish(new DecisionReversed(engagement, decision, DecisionCategory.INFRASTRUCTURE, Reversibility.IRREVERSIBLE,
                "vendor exit", "lead-1", Side.CLIENT));
        assertThat(awaitAlert(engagement, COSTLY_DECISION_REVERSED, decision, "OPEN").severity()).isEqualTo("CRITICAL");
    }

    @Test
    void quality_drift_when_defect_leakage_rises_four_weeks_running_and_clears_when_it_falls() {
        String engagement = openEngagement(today().minusWeeks(6));
        LocalDate thisMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // leakage per ISO week, oldest first: 1/4 = 25%, 2/4 = 50%, 3/4 = 75%, 4/4 = 100%
        for (int week = 0; week < 4; week++) {
            Instant at = thisMonday.minusWeeks(4 - week).atTime(10, 0).toInstant(ZoneOffset.UTC);
            for (int d = 0; d < 4; d++) {
                publish(new DefectFound(engagement, newId(), d <= week ? DefectStage.PRODUCTION
                        : DefectStage.BEFORE_RELEASE, Severity.SEV3, at, null, null, "defect"));
            }
        }
        var alert = awaitAlert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN");
        assertThat(alert.message()).contains("25% → 50% → 75% → 100%");

        // this week: 0 of 2 in production = 0%; it counts once the week is over, with the next quality event
        Instant now = clock.instant();
        publish(new DefectFound(engagement, newId(), DefectStage.BEFORE_RELEASE, Severity.SEV4, now, null, null, "a"));
        awaitApplied(publish(new DefectFound(engagement, newId(), DefectStage.BEFORE_RELEASE, Severity.SEV4, now,
                null, null, "b")));
        assertThat(alert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN")).isPresent();
        clock.advance(Duration.ofDays(7));
        // the last four completed weeks are now 50, 75, 100, 0: no longer rising
        publish(new DefectFound(engagement, newId(), DefectStage.PRODUCTION, Severity.SEV4, clock.instant(), null,
                null, "c"));
        awaitAlert(engagement, QUALITY_DRIFT, "defect-leakage", "RESOLVED");
    }

    @Test
    void quality_drift_when_rework_rate_rises_four_weeks_running() {
        String engagement = openEngagement(today().minusWeeks(6));
        LocalDate thisMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // per completed ISO week 5 items delivered; reopened within 30 days: 0, 1, 2, 3 → 0%, 20%, 40%, 60%
        for (int week = 0; week < 4; week++) {
            Instant delivered = thisMonday.minusWeeks(4 - week).atTime(8, 0).toInstant(ZoneOffset.UTC);
            List<String> items = new java.util.ArrayList<>();
            for (int item = 0; item < 5; item++) {
                items.add(newId());
                publish(new WorkItemDelivered(engagement, items.get(item), delivered.minus(Duration.ofDays(2)),
                        delivered));
            }
            for (int item = 0; item < week; item++) {
                publish(new WorkItemReopened(engagement, items.get(item), delivered, delivered.plus(Duration.ofDays(3)),
                        "bug"));
            }
        }
        var alert = awaitAlert(engagement, QUALITY_DRIFT, "rework-rate", "OPEN");
        assertThat(alert.message()).contains("0% → 20% → 40% → 60%");
        assertThat(alert(engagement, QUALITY_DRIFT, "defect-leakage", "OPEN")).isEmpty();
    }

    @Test
    void closing_the_engagement_resolves_its_alerts_and_cancels_its_time_rules() {
        String engagement = openEngagement(today());
        String incident = newId();
        publish(new IncidentOpened(engagement, incident, Severity.SEV3, "search", "lag", clock.instant(), null, true,
                240));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, incident, "OPEN");
        publish(new EngagementClosed(engagement, "contract ended"));
        awaitAlert(engagement, INCIDENT_OUTSIDE_OVERLAP_NO_RUNBOOK, incident, "RESOLVED");
        clock.advance(Duration.ofDays(30));
        sleepPolls();
        assertThat(alertCount(engagement, FIRST_INCREMENT_MISSING)).isZero();
        assertThat(alertCount(engagement, INCIDENT_NOT_ACKNOWLEDGED)).isZero();
    }

    @Test
    void early_departure_within_90_days_alerts_and_clears_when_a_replacement_joins() {
        String engagement = openEngagement(today().minusDays(100));
        String early = newId();
        publish(new EngineerLeft(engagement, newId(), today().minusDays(200), today(), 200, "relocation"));
        publish(new EngineerLeft(engagement, early, today().minusDays(45), today(), 45, "better offer"));
        awaitAlert(engagement, EARLY_DEPARTURE, early, "OPEN");
        assertThat(alertCount(engagement, EARLY_DEPARTURE)).isEqualTo(1);

        publish(new EngineerJoined(engagement, newId(), "Anya", Side.PARTNER, "backend", today()));
        awaitAlert(engagement, EARLY_DEPARTURE, early, "RESOLVED");
    }

    /** Long enough for several schedule-poller ticks (150 ms in tests). */
    private static void sleepPolls() {
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
