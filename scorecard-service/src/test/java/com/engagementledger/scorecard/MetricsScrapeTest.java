package com.engagementledger.scorecard;

import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.testsupport.PrometheusScrape;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator scrapes from the scorecard's consumer, in a scrape Prometheus can read. */
class MetricsScrapeTest extends IntegrationTest {

    @Test
    void a_scrape_parses_and_shows_the_consumer_with_unknown_events_at_zero_from_the_start() {
        String engagement = UUID.randomUUID().toString();
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            awaitApplied(List.of(publisher.publish(new SatisfactionRated(engagement, "r", "CTO", 4,
                    LocalDate.parse("2026-03-26"), ""), Instant.parse("2026-03-26T10:00:00Z"), "cto", "CLIENT")));
        }
        HttpResponse<String> answer = get("/actuator/prometheus", TestTokens.admin("admin-1"),
                "text/plain;version=0.0.4");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        PrometheusScrape metrics = PrometheusScrape.parse(answer.body());

        // the series without a type is there before any unknown type arrived, and stays 0
        assertThat(metrics.value("scorecard_events_unknown_total", Map.of("type", ""))).isZero();
        assertThat(metrics.value("scorecard_events_applied_total", Map.of())).isPositive();
        // the consumer's lag, from Spring Boot's Kafka client metrics
        assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
    }
}
