package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.scorecard.support.TwelveWeekHistory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twelve weeks published through the real pipeline (Kafka → listener → PostgreSQL → REST). Today is Friday
 * 2026-03-27 (2026-W13); the engagement started Monday 2026-01-05 (2026-W02): 12 ISO weeks W02..W13.
 * The rolling four weeks are W10..W13: 2026-03-02 to 2026-03-27.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptedEngagementHistoryTest extends IntegrationTest {
    private final String engagement = UUID.randomUUID().toString();
    private LedgerPublisher publisher;
    private String token;

    @BeforeAll
    void publishHistory() {
        publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers());
        List<String> ids = TwelveWeekHistory.publish(publisher, engagement, "Payments platform");
        awaitApplied(ids);
        token = leadOf(engagement);
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    private JsonNode measure(String name) {
        return scorecard().path("measures").path(name);
    }

    private JsonNode scorecard() {
        HttpResponse<String> response = get("/scorecards/" + engagement, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    @Test
    void cycle_time_is_median_and_nearest_rank_p85_of_start_to_first_delivery() {
        JsonNode m = measure("cycle-time");
        // WI-1 3d, WI-2 7d, WI-3 2d, WI-4 10d, WI-5 4d, WI-6 5d (WI-7 not delivered) → sorted 2,3,4,5,7,10
        // median (4+5)/2 = 4.5; p85 rank ceil(0.85×6) = 6 → 10
        assertThat(m.at("/current/delivered").asInt()).isEqualTo(6);
        assertThat(m.at("/current/medianDays").asDouble()).isEqualTo(4.5);
        assertThat(m.at("/current/p85Days").asDouble()).isEqualTo(10.0);
        // rolling W10..W13: WI-5 4d, WI-6 5d → median 4.5; p85 rank ceil(1.7) = 2 → 5
        assertThat(m.at("/rollingFourWeeks/delivered").asInt()).isEqualTo(2);
        assertThat(m.at("/rollingFourWeeks/medianDays").asDouble()).isEqualTo(4.5);
        assertThat(m.at("/rollingFourWeeks/p85Days").asDouble()).isEqualTo(5.0);
    }

    @Test
    void release_predictability_counts_shipped_no_later_than_one_day_after_plan() {
        JsonNode m = measure("release-predictability");
        // R1 on the day, R2 one day late (still on time), R3 four days late, R4 on the day; R5 not shipped → 3/4
        assertThat(m.at("/current/shipped").asInt()).isEqualTo(4);
        assertThat(m.at("/current/onTime").asInt()).isEqualTo(3);
        assertThat(m.at("/current/ratio").asDouble()).isEqualTo(0.75);
        // rolling: R3 (shipped 03-03, late) and R4 (03-13, on time) → 1/2
        assertThat(m.at("/rollingFourWeeks/ratio").asDouble()).isEqualTo(0.5);
    }

    @Test
    void defect_leakage_is_production_defects_over_all_defects() {
        JsonNode m = measure("defect-leakage");
        // D3 and D5 in production of D1..D8 → 2/8 = 0.25
        assertThat(m.at("/current/defects").asInt()).isEqualTo(8);
        assertThat(m.at("/current/production").asInt()).isEqualTo(2);
        assertThat(m.at("/current/ratio").asDouble()).isEqualTo(0.25);
        // rolling: D5 (production), D6, D7, D8 → 1/4
        assertThat(m.at("/rollingFourWeeks/ratio").asDouble()).isEqualTo(0.25);
    }

    @Test
    void rework_counts_items_reopened_within_30_days_of_delivery() {
        JsonNode m = measure("rework-rate");
        // WI-3 reopened 13 days after delivery, WI-5 after 14 days: rework; WI-1 after 45 days: not → 2/6
        assertThat(m.at("/current/delivered").asInt()).isEqualTo(6);
        assertThat(m.at("/current/reopened").asInt()).isEqualTo(2);
        assertThat(m.at("/current/ratio").asDouble()).isEqualTo(0.3333);
        // rolling: delivered WI-5 (reopened) and WI-6 → 1/2
        assertThat(m.at("/rollingFourWeeks/ratio").asDouble()).isEqualTo(0.5);
    }

    @Test
    void incident_trend_counts_by_severity_with_mean_times_to_acknowledge_and_resolve() {
        JsonNode m = measure("incident-trend");
        // I1 SEV1 03:00 → ack 03:50 (50 min) → resolved 07:00 (4 h); I2 SEV3 ack 30 min, resolved 6 h;
        // I3 SEV2 ack 10 min, open. MTTA (50+30+10)/3 = 30 min; MTTR (4+6)/2 = 5 h; 3 incidents / 12 weeks = 0.25
        assertThat(m.at("/current/incidents").asInt()).isEqualTo(3);
        assertThat(m.at("/current/sev1").asInt()).isEqualTo(1);
        assertThat(m.at("/current/sev2").asInt()).isEqualTo(1);
        assertThat(m.at("/current/sev3").asInt()).isEqualTo(1);
        assertThat(m.at("/current/sev4").asInt()).isEqualTo(0);
        assertThat(m.at("/current/perWeek").asDouble()).isEqualTo(0.25);
        assertThat(m.at("/current/mttaMinutes").asDouble()).isEqualTo(30.0);
        assertThat(m.at("/current/mttrHours").asDouble()).isEqualTo(5.0);
        // rolling: I2 and I3 → 2 / 4 weeks = 0.5; MTTA (30+10)/2 = 20; MTTR 6 (I3 unresolved)
        assertThat(m.at("/rollingFourWeeks/incidents").asInt()).isEqualTo(2);
        assertThat(m.at("/rollingFourWeeks/perWeek").asDouble()).isEqualTo(0.5);
        assertThat(m.at("/rollingFourWeeks/mttaMinutes").asDouble()).isEqualTo(20.0);
        assertThat(m.at("/rollingFourWeeks/mttrHours").asDouble()).isEqualTo(6.0);
    }

    @Test
    void satisfaction_is_the_mean_rating_and_its_four_week_trend() {
        JsonNode m = measure("stakeholder-satisfaction");
        // 3,4,4,3,5,4 → 23/6 = 3.8333; last four weeks (W10..W13): 5,4 → 4.5; four before (W06..W09): 4,3 → 3.5
        // trend 4.5 − 3.5 = +1.0
        assertThat(m.at("/current/ratings").asInt()).isEqualTo(6);
        assertThat(m.at("/current/mean").asDouble()).isEqualTo(3.8333);
        assertThat(m.at("/current/trend").asDouble()).isEqualTo(1.0);
        assertThat(m.at("/rollingFourWeeks/mean").asDouble()).isEqualTo(4.5);
    }

    @Test
    void time_to_first_delivery_is_start_to_first_increment_shipped() {
        JsonNode m = measure("time-to-first-delivery");
        // R1 shipped 2026-01-30 (before E1's FIRST_INCREMENT_SHIPPED milestone on 02-02): 01-05 → 01-30 = 25 days
        assertThat(m.at("/current/days").asInt()).isEqualTo(25);
        // 01-05 → 03-27 = 81 days
        assertThat(m.at("/current/daysSinceStart").asInt()).isEqualTo(81);
    }

    @Test
    void retention_is_engineers_still_on_over_engineers_joined_in_twelve_months() {
        JsonNode m = measure("retention");
        // E1..E5 joined, E4 left on 03-06 → 4/5
        assertThat(m.at("/current/joined").asInt()).isEqualTo(5);
        assertThat(m.at("/current/stillOn").asInt()).isEqualTo(4);
        assertThat(m.at("/current/ratio").asDouble()).isEqualTo(0.8);
    }

    @Test
    void ownership_coverage_is_owned_areas_over_all_twelve() {
        JsonNode m = measure("ownership-coverage");
        // ten assigned, DEPLOY_PIPELINE reassigned (still owned), MONITORING revoked → 9/12
        assertThat(m.at("/current/owned").asInt()).isEqualTo(9);
        assertThat(m.at("/current/ratio").asDouble()).isEqualTo(0.75);
    }

    @Test
    void governance_cadence_counts_weeks_with_a_review_and_decisions_per_week() {
        JsonNode m = measure("governance-cadence");
        // completed weeks W02..W12 = 11 due (W13 unfinished, no review yet); all but W07 reviewed → 10/11 = 0.9091
        assertThat(m.at("/current/weeksDue").asInt()).isEqualTo(11);
        assertThat(m.at("/current/weeksReviewed").asInt()).isEqualTo(10);
        assertThat(m.at("/current/onTimeRatio").asDouble()).isEqualTo(0.9091);
        // week-8 review on 02-24 = day 50 ≤ day 63
        assertThat(m.at("/current/week8ReviewOnTime").asInt()).isEqualTo(1);
        // 6 decisions accepted over 12 weeks → 0.5 per week; rolling: 03-04 and 03-18 → 2/4 = 0.5
        assertThat(m.at("/current/decisions").asInt()).isEqualTo(6);
        assertThat(m.at("/current/decisionsPerWeek").asDouble()).isEqualTo(0.5);
        assertThat(m.at("/rollingFourWeeks/decisionsPerWeek").asDouble()).isEqualTo(0.5);
        // rolling: W10, W11, W12 completed and reviewed → 3/3
        assertThat(m.at("/rollingFourWeeks/onTimeRatio").asDouble()).isEqualTo(1.0);
    }

    @Test
    void onboarding_and_knowledge_transfer_feed_capability_and_stability() {
        JsonNode onboarding = measure("onboarding");
        // present E1, E2, E3, E5 (E4 left); 30+ days: E1, E2, E3 all at CONTRIBUTION or beyond → 3/3
        assertThat(onboarding.at("/current/engineers").asInt()).isEqualTo(4);
        assertThat(onboarding.at("/current/observation").asInt()).isEqualTo(1);
        assertThat(onboarding.at("/current/contribution").asInt()).isEqualTo(2);
        assertThat(onboarding.at("/current/accountableOwnership").asInt()).isEqualTo(1);
        assertThat(onboarding.at("/current/ratio").asDouble()).isEqualTo(1.0);
        // scores 4, 3, 5, 2 → 3.5
        assertThat(measure("knowledge-transfer").at("/current/mean").asDouble()).isEqualTo(3.5);
    }

    @Test
    void five_factors_take_the_worst_colour_of_their_measures() {
        JsonNode factors = scorecard().path("factors");
        // speed: first delivery 25 d < 28 GREEN, cycle median 4.5 < 7 GREEN
        assertThat(factors.path("SPEED").asText()).isEqualTo("GREEN");
        // capability: 100 % of engineers past 30 days contributing ≥ 80 % GREEN
        assertThat(factors.path("CAPABILITY").asText()).isEqualTo("GREEN");
        // stability: retention 0.8 (≥ 0.75, < 0.9) AMBER; knowledge transfer 3.5 (≥ 3, < 4) AMBER
        assertThat(factors.path("STABILITY").asText()).isEqualTo("AMBER");
        // quality: leakage 0.25 not under 0.25 RED; rework 0.33 RED
        assertThat(factors.path("QUALITY").asText()).isEqualTo("RED");
        // control: ownership 0.75 AMBER, reviews 0.91 GREEN, decisions 0.5/week AMBER
        assertThat(factors.path("CONTROL").asText()).isEqualTo("AMBER");
    }

    @Test
    void weekly_series_has_one_row_per_iso_week_with_that_weeks_values() {
        HttpResponse<String> response = get("/scorecards/" + engagement + "/weekly", token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode weeks = json(response);
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(0).path("week").asText()).isEqualTo("2026-W02");
        assertThat(weeks.get(11).path("week").asText()).isEqualTo("2026-W13");
        // W05 (01-26..02-01): WI-2 7 d and WI-3 2 d delivered → median 4.5; R1 shipped → time to first delivery 25
        JsonNode w05 = weeks.get(3);
        assertThat(w05.at("/measures/cycle-time/medianDays").asDouble()).isEqualTo(4.5);
        assertThat(w05.at("/measures/time-to-first-delivery/days").asInt()).isEqualTo(25);
        assertThat(weeks.get(2).at("/measures/time-to-first-delivery/days").isNull()).isTrue();
        // W07: no weekly review; W08: the SEV1 acknowledged after 50 minutes, MONITORING revoked → 9/12
        assertThat(weeks.get(5).at("/measures/governance-cadence/weeksReviewed").asInt()).isZero();
        JsonNode w08 = weeks.get(6);
        assertThat(w08.at("/measures/incident-trend/sev1").asInt()).isEqualTo(1);
        assertThat(w08.at("/measures/incident-trend/mttaMinutes").asDouble()).isEqualTo(50.0);
        assertThat(w08.at("/measures/ownership-coverage/ratio").asDouble()).isEqualTo(0.75);
        // W02: ten of twelve areas owned → 0.8333
        assertThat(weeks.get(0).at("/measures/ownership-coverage/ratio").asDouble()).isEqualTo(0.8333);
        // W10 as of Sunday 03-08: E1..E4 joined (E5 joins 03-09), E4 left on 03-06 → 3/4
        assertThat(weeks.get(8).at("/measures/retention/ratio").asDouble()).isEqualTo(0.75);
    }

    @Test
    void weekly_range_accepts_iso_weeks_and_dates() {
        JsonNode weeks = json(get("/scorecards/" + engagement + "/weekly?from=2026-W05&to=2026-02-20", token));
        // W05, W06, W07, W08
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(0).path("week").asText()).isEqualTo("2026-W05");
        assertThat(weeks.get(3).path("week").asText()).isEqualTo("2026-W08");
    }

    @Test
    void weekly_range_with_a_bad_week_is_a_problem_naming_the_field() {
        HttpResponse<String> response = get("/scorecards/" + engagement + "/weekly?from=2026-W60", token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("field").asText()).isEqualTo("from");
        assertThat(json(response).path("rule").asText()).isEqualTo("request.parameter.invalid");
        assertThat(json(response).path("errors").get(0).path("rule").asText()).isEqualTo("weekly.from.format");
    }

    @Test
    void csv_export_has_a_row_per_week() {
        HttpResponse<String> csv = get("/scorecards/" + engagement + "/weekly.csv", token, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        // header + 12 weeks
        assertThat(lines).hasSize(13);
        assertThat(lines[0]).startsWith("week,weekStart,cycle-time.delivered,cycle-time.medianDays");
        assertThat(lines[4]).startsWith("2026-W05,2026-01-26,2,4.5,");
        HttpResponse<String> negotiated = get("/scorecards/" + engagement + "/weekly", token, "text/csv");
        assertThat(negotiated.statusCode()).isEqualTo(200);
        assertThat(negotiated.body()).isEqualTo(csv.body());
    }

    @Test
    void evidence_lists_the_events_behind_the_current_value() {
        HttpResponse<String> response = get("/scorecards/" + engagement + "/measures/cycle-time/evidence", token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode evidence = json(response);
        // six delivered items: their six started and six delivered events, done by partner-dev
        assertThat(evidence.path("events")).hasSize(12);
        assertThat(evidence.path("events").findValuesAsText("type")).containsOnly(
                "ledger.delivery.work-item-started.v1", "ledger.delivery.work-item-delivered.v1");
        assertThat(evidence.path("events").findValuesAsText("actor")).containsOnly("partner-dev");
        assertThat(evidence.path("events").get(0).path("recordedAt").asText()).isEqualTo("2026-01-12T09:00:00Z");
        // rework evidence: six deliveries and the two reopenings within 30 days
        JsonNode rework = json(get("/scorecards/" + engagement + "/measures/rework-rate/evidence", token));
        assertThat(rework.path("events")).hasSize(8);
        assertThat(get("/scorecards/" + engagement + "/measures/velocity/evidence", token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void replaying_every_message_with_the_same_ids_changes_no_number() {
        String before = scorecard().toString();
        String weeklyBefore = get("/scorecards/" + engagement + "/weekly", token).body();
        publisher.republishAll();
        // a marker published after the replay: once it is applied, the replayed messages were consumed too
        String marker = publisher.publishRaw(engagement, "ledger.future.something-new.v1", "{}".getBytes());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE engagement_id = ?").param(engagement)
                .query(Long.class).single() >= publisher.sentIds().size());
        awaitApplied(publisher.sentIds());
        assertThat(marker).isNotBlank();
        assertThat(scorecard().toString()).isEqualTo(before);
        assertThat(get("/scorecards/" + engagement + "/weekly", token).body()).isEqualTo(weeklyBefore);
    }
}
