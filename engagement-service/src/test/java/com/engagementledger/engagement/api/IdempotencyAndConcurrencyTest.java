package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyAndConcurrencyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long eventsOf(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    @Test
    void a_repeat_with_the_same_key_and_body_returns_the_first_answer_and_records_nothing() {
        Api lead = api(TestTokens.lead("lead-anna")).header("Idempotency-Key", "open-" + System.nanoTime());
        Api.Response first = lead.post("/engagements", Scenario.engagement("Idempotent"));
        Api.Response repeat = lead.post("/engagements", Scenario.engagement("Idempotent"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventsOf(first.id())).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_422() {
        Api lead = api(TestTokens.lead("lead-anna")).header("Idempotency-Key", "open-" + System.nanoTime());
        lead.post("/engagements", Scenario.engagement("One"));
        Api.Response other = lead.post("/engagements", Scenario.engagement("Two"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("rule").asText()).isEqualTo("idempotency.key-reused");
    }

    @Test
    void concurrent_repeats_of_one_key_record_one_command() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Concurrent")).id();
        Api keyed = lead.header("Idempotency-Key", "assign-" + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> keyed.post("/engagements/" + id + "/ownership/MONITORING",
                        Map.of("ownerId", "ravi", "ownerSide", "PARTNER", "reason", "r"))));
            }
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void concurrent_commands_on_one_aggregate_are_accepted_or_409_and_the_stream_has_no_gap() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Contended")).id();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                int n = i;
                // every caller read version 0 and sends If-Match "0": exactly one may win
                answers.add(pool.submit(() -> lead.header("If-Match", "\"0\"").post(
                        "/engagements/" + id + "/governance-reviews", Map.of("kind", "WEEKLY_METRICS",
                                "heldOn", "2026-08-10", "attendees", List.of("p" + n)))));
            }
            int accepted = 0;
            for (Future<Api.Response> answer : answers) {
                int status = answer.get().status();
                assertThat(status).as(answer.get().body()).isIn(201, 409);
                accepted += status == 201 ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<Long> sequences = jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number").param(id).query(Long.class).list();
        assertThat(sequences).containsExactly(0L, 1L);
    }

    @Test
    void concurrent_commands_without_if_match_all_land_without_lost_updates() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Busy")).id();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> lead.post("/engagements/" + id + "/governance-reviews",
                        Map.of("kind", "WEEKLY_METRICS", "heldOn", "2026-08-10", "attendees", List.of("p" + n)))));
            }
            int accepted = 0;
            for (Future<Api.Response> answer : answers) {
                int status = answer.get().status();
                assertThat(status).as(answer.get().body()).isIn(201, 409);
                accepted += status == 201 ? 1 : 0;
            }
            List<Long> sequences = jdbc.sql("select sequence_number from domain_event_entry "
                    + "where aggregate_identifier = ? order by sequence_number").param(id).query(Long.class).list();
            // no gap: 0..n, and every accepted review is in the stream and in the view
            assertThat(sequences).hasSize(accepted + 1);
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i);
            }
            assertThat(lead.get("/engagements/" + id).json().get("reviews").size()).isEqualTo(accepted);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
