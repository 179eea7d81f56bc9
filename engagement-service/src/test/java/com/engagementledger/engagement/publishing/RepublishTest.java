package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.engagementledger.engagement.publishing.EveryEventType.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An ADMIN re-feeds consumers from a global position; operators see the publication lag. */
class RepublishTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicationProgress progress;

    @Test
    void republishing_from_a_position_sends_the_same_events_again_with_the_same_ce_id() {
        Api lead = api(TestTokens.lead("lead-republish"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        String engagementId = ok(lead.post("/engagements", Scenario.engagement("Re-feed"))).id();
        ok(lead.post("/engagements/" + engagementId + "/pause", Map.of("reason", "holiday")));
        ok(lead.post("/engagements/" + engagementId + "/resume", Map.of("reason", "back")));
        List<String> stored = LedgerTopic.stored(jdbc, List.of(engagementId)).get(engagementId);
        long firstPosition = jdbc.sql("select min(global_index) from engagement_event where engagement_id = ?")
                .param(engagementId).query(Long.class).single();

        try (LedgerTopic topic = new LedgerTopic(List.of(engagementId), before)) {
            topic.awaitUntil(r -> LedgerTopic.ids(r).containsAll(stored), Duration.ofSeconds(60), "first publication");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> progress.newestPublished().orElse(0) >= firstPosition + 2);

            Api.Response answer = api(TestTokens.admin("admin-1")).post("/admin/republish?fromPosition=" + firstPosition, "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(answer.json().get("fromPosition").asLong()).isEqualTo(firstPosition);

            List<ConsumerRecord<String, CloudEvent>> records = topic.awaitUntil(
                    r -> copies(r).values().stream().allMatch(n -> n >= 2) && copies(r).size() == stored.size(),
                    Duration.ofSeconds(60), "every event of the engagement twice");
            assertThat(copies(records).keySet()).containsExactlyInAnyOrderElementsOf(stored);
            // the second copy is the same event: same position, same body
            Map<String, List<ConsumerRecord<String, CloudEvent>>> byId = records.stream()
                    .collect(Collectors.groupingBy(r -> r.value().getId()));
            byId.values().forEach(copies -> {
                CloudEvent first = copies.get(0).value();
                CloudEvent again = copies.get(copies.size() - 1).value();
                assertThat(again.getExtension(LedgerCloudEvents.EXT_GLOBAL_POSITION))
                        .isEqualTo(first.getExtension(LedgerCloudEvents.EXT_GLOBAL_POSITION));
                assertThat(again.getData().toBytes()).isEqualTo(first.getData().toBytes());
            });
        }
    }

    @Test
    void republish_is_for_admins_and_refuses_positions_that_make_no_sense() {
        Api admin = api(TestTokens.admin("admin-2"));
        assertThat(api(TestTokens.lead("lead-2")).post("/admin/republish?fromPosition=1", "").status()).isEqualTo(403);

        Api.Response zero = admin.post("/admin/republish?fromPosition=0", "");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.header("Content-Type")).startsWith("application/problem+json");
        assertThat(zero.json().get("errors").get(0).get("rule").asText()).isEqualTo("republish.position.not-positive");

        Api.Response beyond = admin.post("/admin/republish?fromPosition=" + Long.MAX_VALUE, "");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("errors").get(0).get("rule").asText())
                .isEqualTo("republish.position.beyond-store");

        assertThat(admin.post("/admin/republish?fromPosition=abc", "").status()).isEqualTo(400);
        assertThat(admin.post("/admin/republish", "").status()).isEqualTo(400);
    }

    @Test
    void publication_lag_is_a_prometheus_gauge_and_part_of_health() {
        Api lead = api(TestTokens.lead("lead-lag"));
        ok(lead.post("/engagements", Scenario.engagement("Lag")));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress.lag().orElse(-1L) == 0L);

        // @SpringBootTest switches metric export (and so /actuator/prometheus) off; the same meter is read here
        Api.Response gauge = api(TestTokens.admin("admin-3")).get("/actuator/metrics/" + PublicationProgress.LAG_GAUGE);
        assertThat(gauge.status()).as(gauge.body()).isEqualTo(200);
        assertThat(gauge.json().get("baseUnit").asText()).isEqualTo("events");
        assertThat(gauge.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);

        // the components of health are for operators (SERVICE, ADMIN); anonymous probes get the status alone
        Api.Response health = api(TestTokens.admin("admin-3")).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        var publication = health.json().get("components").get("publication");
        assertThat(publication.get("status").asText()).isEqualTo("UP");
        assertThat(publication.get("details").get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(publication.get("details").get("kafkaReachable").asBoolean()).isTrue();
        assertThat(publication.get("details").get("publishing").asBoolean()).isTrue();
    }

    private static Map<String, Long> copies(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> r.value().getId(), Collectors.counting()));
    }

}
