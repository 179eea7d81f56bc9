package com.engagementledger.notification;

import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.testsupport.PrometheusScrape;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator scrapes: consumer lag, unknown events, alerts, webhooks, SSE, in a scrape Prometheus can read. */
class MetricsScrapeTest extends IntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_scrape_parses_and_shows_consumer_lag_unknown_events_alerts_webhooks_and_streams() throws Exception {
        String engagement = newId();
        // an engineer who leaves after ten days opens an early-departure alert
        String engineer = newId();
        awaitApplied(publish(new EngineerLeft(engagement, engineer, today().minusDays(10), today(), 10, "left")));
        awaitAlert(engagement, "onboarding.early-departure", engineer, "OPEN");

        AtomicReference<PrometheusScrape> scrape = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            scrape.set(scrape());
            return scrape.get().has("kafka_consumer_fetch_manager_records_lag_max")
                    && scrape.get().value("ledger_notification_alert_changes_total", Map.of("change", "opened")) >= 1;
        });
        PrometheusScrape metrics = scrape.get();

        // the ledger-events consumer: its lag (the per-partition series join at the client metrics' next refresh,
        // within a minute of the assignment), and each batch's handling time
        assertThat(metrics.samples("kafka_consumer_fetch_manager_records_lag_max").stream()
                .map(s -> s.labels().get("client_id"))).anyMatch(id -> id != null && !id.isEmpty());
        assertThat(metrics.has("spring_kafka_listener_seconds_count")).isTrue();
        // unknown types: present at 0 from the start (the series without a type)
        assertThat(metrics.value("ledger_notification_events_unknown_total", Map.of("type", ""))).isZero();
        // alerts by state (from the database) and the lifecycle changes this instance committed
        assertThat(metrics.value("ledger_notification_alerts", Map.of("state", "OPEN"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.samples("ledger_notification_alert_changes_total").stream()
                .map(s -> s.labels().get("change"))).containsExactlyInAnyOrder("opened", "acknowledged", "resolved");
        // webhooks: attempts by outcome with their durations, deliveries given up, deliveries waiting
        assertThat(metrics.samples("ledger_notification_webhook_attempts_seconds_count").stream()
                .map(s -> s.labels().get("outcome"))).containsExactlyInAnyOrder("delivered", "failed");
        assertThat(metrics.has("ledger_notification_webhook_dead_total")).isTrue();
        assertThat(metrics.value("ledger_notification_webhook_pending", Map.of())).isNotNegative();
        // SSE streams being fed
        assertThat(metrics.value("ledger_notification_sse_clients", Map.of())).isNotNegative();
        // the alerts topic producer
        assertThat(metrics.has("kafka_producer_record_send_total")).isTrue();
    }

    private PrometheusScrape scrape() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4")
                .header("Authorization", "Bearer " + TestTokens.token("monitor").roles("SERVICE").sign()).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return PrometheusScrape.parse(answer.body());
    }
}
