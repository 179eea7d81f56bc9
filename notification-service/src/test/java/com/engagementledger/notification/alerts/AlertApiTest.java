package com.engagementledger.notification.alerts;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.engagementledger.testsupport.PageAssert.assertPageEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The alert REST API as users see it: scope, roles, lifecycle with history, Problem Details, the Kafka topic. */
class AlertApiTest extends IntegrationTest {

    private String openAlert(String engagement) {
        String engineer = newId();
        publish(new EngineerLeft(engagement, engineer, today().minusDays(20), today(), 20, "left"));
        return awaitAlert(engagement, "onboarding.early-departure", engineer, "OPEN").id().toString();
    }

    @Test
    void alert_lifecycle_open_acknowledged_resolved_records_who_and_when() {
        String engagement = newId();
        String alert = openAlert(engagement);
        String lead = TestTokens.token("lead-42").roles("LEAD").engagements(engagement).sign();

        Response acknowledged = post("/alerts/" + alert + "/acknowledge", lead, null);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().get("state").asText()).isEqualTo("ACKNOWLEDGED");

        Response again = post("/alerts/" + alert + "/acknowledge", lead, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("rule").asText()).isEqualTo("alert.lifecycle.acknowledge-requires-open");

        Response missingNote = post("/alerts/" + alert + "/resolve", lead, Map.of());
        assertThat(missingNote.status()).isEqualTo(400);
        assertThat(missingNote.contentType()).startsWith("application/problem+json");
        assertThat(missingNote.body().get("field").asText()).isEqualTo("note");

        Response resolved = post("/alerts/" + alert + "/resolve", lead, Map.of("note", "backfilled"));
        assertThat(resolved.body().get("state").asText()).isEqualTo("RESOLVED");

        JsonNode history = get("/alerts/" + alert, lead).body().get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("toState").asText()).isEqualTo("OPEN");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("notification-service");
        assertThat(history.get(1).get("toState").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("lead-42");
        assertThat(history.get(1).get("actorSide").asText()).isEqualTo("CLIENT");
        assertThat(history.get(2).get("note").asText()).isEqualTo("backfilled");
        assertThat(history.get(2).get("at").asText()).isNotBlank();
    }

    @Test
    void another_engagements_alert_is_not_found_in_get_list_and_actions() {
        String engagement = newId();
        String alert = openAlert(engagement);
        String stranger = lead(newId());

        assertThat(get("/alerts/" + alert, stranger).status()).isEqualTo(404);
        assertThat(post("/alerts/" + alert + "/acknowledge", stranger, null).status()).isEqualTo(404);
        assertThat(get("/alerts?engagementId=" + engagement, stranger).status()).isEqualTo(404);
        assertThat(get("/alerts", stranger).body().get("items")).isEmpty();

        JsonNode mine = get("/alerts?engagementId=" + engagement + "&state=OPEN&rule=onboarding.early-departure",
                lead(engagement)).body();
        assertPageEnvelope("/alerts", mine);
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asText()).isEqualTo(alert);

        String all = TestTokens.admin("admin");
        assertThat(get("/alerts/" + alert, all).status()).isEqualTo(200);
    }

    @Test
    void auditor_is_read_only() {
        String engagement = newId();
        String alert = openAlert(engagement);
        String auditor = TestTokens.token("auditor-1").roles("AUDITOR").engagements(engagement).sign();
        assertThat(get("/alerts/" + alert, auditor).status()).isEqualTo(200);
        Response refused = post("/alerts/" + alert + "/acknowledge", auditor, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asText()).isEqualTo("auth.role.forbidden");
    }

    @Test
    void requests_without_a_valid_token_are_401_problem_details_but_health_is_open() {
        Response anonymous = get("/alerts", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(get("/alerts", "not-a-jwt").status()).isEqualTo(401);
        Response health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(get("/v3/api-docs", lead("x")).status()).isEqualTo(200);
        // the metrics are for monitoring (SERVICE, ADMIN), as on every service
        assertThat(send("/actuator/prometheus", TestTokens.token("monitor").roles("SERVICE").sign()))
                .contains("ledger_notification_events_applied_total");
    }

    @Test
    void page_size_is_capped() {
        Response tooBig = get("/alerts?size=1000", lead(newId()));
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.body().get("field").asText()).isEqualTo("size");
    }

    @Test
    void every_lifecycle_change_is_published_to_the_alerts_topic() {
        String engagement = newId();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + newId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(LedgerCloudEvents.ALERTS_TOPIC));
            String alert = openAlert(engagement);
            post("/alerts/" + alert + "/acknowledge", lead(engagement), null);

            List<ConsumerRecord<String, CloudEvent>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (engagement.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 2;
            });
            assertThat(mine.get(0).value().getType()).isEqualTo("ledger.governance.alert-opened.v1");
            assertThat(mine.get(1).value().getType()).isEqualTo("ledger.governance.alert-acknowledged.v1");
            assertThat(mine.get(0).value().getSubject()).isEqualTo(engagement);
            assertThat(mine.get(0).headers().lastHeader("ce_id")).isNotNull();
            assertThat(new String(mine.get(1).value().getData().toBytes())).contains(alert, "ACKNOWLEDGED");
        }
    }

    private String send(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri(path))
                            .header("authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
