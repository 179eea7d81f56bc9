package com.engagementledger.engagement.config;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.PrometheusScrape;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator scrapes: Axon's processors and the Kafka producer, in a scrape Prometheus can read. */
class MetricsScrapeTest extends IntegrationTest {

    @Test
    void a_scrape_parses_and_shows_the_processors_and_the_kafka_producer() {
        Api lead = api(TestTokens.lead("lead-metrics"));
        Api.Response opened = lead.post("/engagements", Scenario.engagement("Metrics"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        AtomicReference<PrometheusScrape> scrape = new AtomicReference<>();
        // the event is published (lag 0) and the producer has sent at least one record
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            scrape.set(scrape());
            return scrape.get().has("kafka_producer_record_send_total")
                    && scrape.get().value("ledger_publication_lag_events", Map.of()) == 0;
        });
        PrometheusScrape metrics = scrape.get();

        // Axon's Micrometer module, tagged by processor: how far behind, how busy, how many, how long
        assertThat(metrics.samples("eventProcessor_latency").stream().map(s -> s.labels().get("processorName")))
                .contains("kafka-publisher");
        assertThat(metrics.samples("eventProcessor_capacity").stream().map(s -> s.labels().get("processorName")))
                .contains("kafka-publisher");
        assertThat(metrics.value("eventProcessor_successCounter_total",
                Map.of("processorName", "kafka-publisher"))).isPositive();
        assertThat(metrics.has("eventProcessor_allTimer_seconds_count")).isTrue();
        // this single instance works every segment of the publisher it can claim
        assertThat(metrics.value("ledger_processor_segments_claimed", Map.of("processor", "kafka-publisher")))
                .isPositive();

        // the ledger's own producer, which Spring Boot's Kafka metrics do not see
        // (the factory numbers its producers: engagement-service-publisher-1, …)
        assertThat(metrics.samples("kafka_producer_record_send_total")).anyMatch(s -> s.value() > 0
                && s.labels().getOrDefault("client_id", "").startsWith("engagement-service-publisher"));
        assertThat(metrics.has("kafka_producer_request_latency_avg")).isTrue();
        assertThat(metrics.has("kafka_producer_record_error_total")).isTrue();
    }

    private PrometheusScrape scrape() {
        Api.Response answer = api(TestTokens.admin("admin-metrics")).header("Accept", "text/plain;version=0.0.4")
                .get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return PrometheusScrape.parse(answer.body());
    }
}
