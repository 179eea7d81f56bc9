package com.engagementledger.notification.webhooks;

import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.engagementledger.testsupport.PageAssert.assertPageEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Standard Webhooks delivery to a real HTTP receiver on 127.0.0.1 (allow-listed in the test profile). */
class WebhookDeliveryTest extends IntegrationTest {
    @Autowired
    Alerts alerts;

    private HttpServer receiver;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            // the receiver's own verification, as the README tells subscribers to do it
            boolean valid = secret.get() != null && signature != null
                    && signature.equals(WebhookSignature.sign(secret.get(), id, Long.parseLong(timestamp), body));
            int status = !valid ? 401 : failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            received.add(Map.of("id", id, "valid", Boolean.toString(valid), "status", Integer.toString(status),
                    "body", body, "contentType", exchange.getRequestHeaders().getFirst("content-type")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private JsonNode subscribe(String token, String engagement) {
        Response created = post("/subscriptions", token, Map.of("url", hookUrl(),
                "filter", Map.of("engagements", List.of(engagement), "minSeverity", "WARNING")));
        assertThat(created.status()).isEqualTo(201);
        secret.set(created.body().get("secret").asText());
        assertThat(secret.get()).startsWith("whsec_");
        return created.body();
    }

    private void earlyDeparture(String engagement) {
        publish(new EngineerLeft(engagement, newId(), today().minusDays(10), today(), 10, "left"));
    }

    private JsonNode deliveries(String token, String subscription) {
        String list = "/subscriptions/" + subscription + "/deliveries";
        return assertPageEnvelope(list, get(list, token).body());
    }

    @Test
    void delivery_retries_after_failures_then_succeeds_exactly_once_with_valid_signatures() {
        String engagement = newId();
        String token = lead(engagement);
        String subscription = subscribe(token, engagement).get("id").asText();
        failuresLeft.set(3);

        earlyDeparture(engagement);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.get("status").equals("200")));
        JsonNode delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(token, subscription).get(0),
                d -> d.get("state").asText().equals("SUCCEEDED"));
        // 3 × HTTP 500, then 200: four attempts, one success, same webhook-id each time
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("attemptLog")).hasSize(4);
        assertThat(received).hasSize(4);
        assertThat(received).allMatch(r -> r.get("valid").equals("true"));
        assertThat(received.stream().map(r -> r.get("id")).distinct()).hasSize(1);
        assertThat(received.stream().filter(r -> r.get("status").equals("200"))).hasSize(1);
        assertThat(received.get(0).get("contentType")).isEqualTo("application/cloudevents+json");
        assertThat(received.get(0).get("body")).contains("\"specversion\":\"1.0\"",
                "\"type\":\"ledger.governance.alert-opened.v1\"", "\"subject\":\"" + engagement + "\"",
                "onboarding.early-departure");
    }

    @Test
    void delivery_to_an_endpoint_that_never_recovers_ends_dead_and_redelivery_succeeds() {
        String engagement = newId();
        String token = lead(engagement);
        String subscription = subscribe(token, engagement).get("id").asText();
        failuresLeft.set(Integer.MAX_VALUE);

        earlyDeparture(engagement);

        // compressed schedule: 100 ms doubling to 400 ms, dead once the next try passes 3 s after the first
        JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, subscription),
                d -> d.size() == 1 && d.get(0).get("state").asText().equals("DEAD")).get(0);
        assertThat(dead.get("attempts").asInt()).isGreaterThan(2);
        assertThat(dead.get("lastStatus").asInt()).isEqualTo(500);

        failuresLeft.set(0);
        Response redelivered = post("/subscriptions/" + subscription + "/deliveries/" + dead.get("id").asText()
                + "/redeliver", token, null);
        assertThat(redelivered.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(token, subscription),
                d -> d.size() == 2 && d.get(0).get("state").asText().equals("SUCCEEDED"));
        assertThat(received.stream().filter(r -> r.get("status").equals("200"))).hasSize(1);
    }

    @Test
    void subscription_that_keeps_failing_is_disabled_with_a_reason() {
        String engagement = newId();
        String token = lead(engagement);
        String subscription = subscribe(token, engagement).get("id").asText();
        failuresLeft.set(Integer.MAX_VALUE);

        // two deliveries end DEAD (the test profile disables after 2)
        earlyDeparture(engagement);
        earlyDeparture(engagement);

        JsonNode disabled = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/subscriptions/" + subscription, token).body(), s -> !s.get("enabled").asBoolean());
        assertThat(disabled.get("disabledReason").asText()).contains("consecutive deliveries ended DEAD");

        Response refused = post("/subscriptions/" + subscription + "/deliveries/"
                + deliveries(token, subscription).get(0).get("id").asText() + "/redeliver", token, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("webhooks.subscription.disabled");

        Response enabled = post("/subscriptions/" + subscription + "/enable", token, null);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.body().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void webhook_filter_naming_an_engagement_outside_the_token_is_not_found() {
        Response refused = post("/subscriptions", lead(newId()), Map.of("url", hookUrl(),
                "filter", Map.of("engagements", List.of(newId()))));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("field").asText()).isEqualTo("filter.engagements");
    }

    @Test
    void subscription_filtered_by_rule_and_severity_receives_only_matching_alerts() {
        String engagement = newId();
        String token = lead(engagement);
        Response created = post("/subscriptions", token, Map.of("url", hookUrl(),
                "filter", Map.of("engagements", List.of(engagement), "rules", List.of("quality.drift"))));
        assertThat(created.status()).isEqualTo(201);
        String subscription = created.body().get("id").asText();
        earlyDeparture(engagement);
        // the early-departure alert opened, but the filter asks for quality.drift only
        await().atMost(Duration.ofSeconds(20)).until(() -> alertCount(engagement, "onboarding.early-departure") == 1);
        // marker: a quality.drift alert of the same engagement, opened after it, must be delivered
        UUID drift = alerts.open(new AlertCondition("quality.drift", engagement, "defect-leakage"),
                AlertSeverity.WARNING, "drift", List.of()).orElseThrow();
        String driftMessage = "msg_" + jdbc.sql("select change_id from alert_change where alert_id = ?").params(drift)
                .query(UUID.class).single();
        JsonNode delivered = await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(token, subscription), d -> !d.isEmpty());
        // ... and it is the only one: the early departure before it was not fanned out to this subscription
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).get("messageId").asText()).isEqualTo(driftMessage);
    }

    /** Deleted: nothing more is stored for it or sent, and it stays readable with its deliveries, for the record. */
    @Test
    void a_deleted_subscription_gets_nothing_more_and_keeps_its_deliveries_for_the_record() {
        String engagement = newId();
        String token = lead(engagement);
        String subscription = subscribe(token, engagement).get("id").asText();
        earlyDeparture(engagement);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, subscription),
                d -> d.size() == 1 && d.get(0).get("state").asText().equals("SUCCEEDED"));

        assertThat(delete("/subscriptions/" + subscription, lead(newId())).status()).isEqualTo(404);
        assertThat(delete("/subscriptions/" + subscription, token).status()).isEqualTo(204);
        assertThat(delete("/subscriptions/" + subscription, token).status()).isEqualTo(204);

        // a second subscription on the same engagement is the marker: once it has the next alert's delivery, the
        // fan-out that would have reached the deleted one has run
        String witness = subscribe(token, engagement).get("id").asText();
        alerts.open(new AlertCondition("quality.drift", engagement, "defect-leakage"), AlertSeverity.WARNING,
                "drift", List.of()).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, witness), d -> d.size() == 1);

        JsonNode kept = deliveries(token, subscription);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(kept.get(0).get("attemptLog")).hasSize(1);
        JsonNode deleted = get("/subscriptions/" + subscription, token).body();
        assertThat(deleted.get("deletedAt").isTextual()).as(deleted.toString()).isTrue();
        assertThat(deleted.get("enabled").asBoolean()).isFalse();
        assertThat(assertPageEnvelope("/subscriptions", get("/subscriptions", token).body()).findValuesAsText("id"))
                .containsExactly(witness);
        Response redelivery = post("/subscriptions/" + subscription + "/deliveries/" + kept.get(0).get("id").asText()
                + "/redeliver", token, null);
        assertThat(redelivery.status()).isEqualTo(409);
        assertThat(redelivery.body().get("rule").asText()).isEqualTo("webhooks.subscription.deleted");
        assertThat(post("/subscriptions/" + subscription + "/enable", token, null).status()).isEqualTo(409);
    }

    /** Both lists answer the one page envelope, and every delivery stays reachable page by page. */
    @Test
    void subscriptions_and_deliveries_are_listed_in_the_page_envelope() {
        String engagement = newId();
        String token = lead(engagement);
        String subscription = subscribe(token, engagement).get("id").asText();
        earlyDeparture(engagement);
        UUID drift = alerts.open(new AlertCondition("quality.drift", engagement, "defect-leakage"),
                AlertSeverity.WARNING, "drift", List.of()).orElseThrow();
        assertThat(drift).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, subscription), d -> d.size() == 2);

        JsonNode mine = get("/subscriptions", token).body();
        assertThat(assertPageEnvelope("/subscriptions", mine).findValuesAsText("id")).containsExactly(subscription);
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);

        String list = "/subscriptions/" + subscription + "/deliveries";
        JsonNode first = get(list + "?size=1", token).body();
        JsonNode second = get(list + "?size=1&page=1", token).body();
        assertThat(assertPageEnvelope(list, first)).hasSize(1);
        assertThat(assertPageEnvelope(list, second)).hasSize(1);
        assertThat(first.get("totalItems").asLong()).isEqualTo(2);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("id").asText())
                .isNotEqualTo(second.get("items").get(0).get("id").asText());
        assertThat(get(list + "?size=0", token).status()).isEqualTo(400);
    }
}
