package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.engagementledger.engagement.publishing.EveryEventType.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An array in a payload has one order wherever the event is read: the workstream's {@code confirmedConditions} come
 * in the contract's declaration order of TransferCondition on Kafka, in the REST history (the stored bytes) and in
 * the engagement's view, whatever order the request listed them in.
 */
class PayloadArrayOrderTest extends IntegrationTest {
    private static final String TRANSFERRED = "ledger.workstream.transferred.v2";

    @Autowired
    JdbcClient jdbc;

    @Test
    void confirmed_conditions_come_in_declaration_order_on_kafka_in_the_history_and_in_the_view() {
        List<String> declared = Arrays.stream(TransferCondition.values()).map(Enum::name).toList();
        List<String> requested = new ArrayList<>(declared);
        java.util.Collections.reverse(requested);
        Api lead = api(TestTokens.lead("lead-array-order"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        String engagementId = lead.post("/engagements", Scenario.engagement("Array order")).id();
        ok(lead.post("/engagements/" + engagementId + "/workstreams", Map.of("name", "Everything confirmed",
                "workType", "WELL_DEFINED_FEATURE", "confirmedConditions", requested)));

        JsonNode history = lead.get("/engagements/" + engagementId + "/history?type=" + TRANSFERRED).json();
        assertThat(history.get("items")).hasSize(1);
        assertThat(names(history.get("items").get(0).get("payload").get("confirmedConditions")))
                .as("REST history (the stored event)").containsExactlyElementsOf(declared);

        List<String> stored = LedgerTopic.stored(jdbc, List.of(engagementId)).get(engagementId);
        List<ConsumerRecord<String, CloudEvent>> records;
        try (LedgerTopic topic = new LedgerTopic(List.of(engagementId), before)) {
            records = topic.awaitUntil(r -> LedgerTopic.ids(r).containsAll(stored), Duration.ofSeconds(60),
                    "the engagement's events");
        }
        CloudEvent published = records.stream().map(ConsumerRecord::value)
                .filter(e -> e.getType().equals(TRANSFERRED)).findFirst().orElseThrow();
        assertThat(names(json(published.getData().toBytes()).get("confirmedConditions")))
                .as("Kafka body").containsExactlyElementsOf(declared);

        JsonNode workstreams = lead.get("/engagements/" + engagementId + "/workstreams").json();
        assertThat(names(workstreams.get(0).get("confirmedConditions")))
                .as("the engagement's view").containsExactlyElementsOf(declared);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode json(byte[] body) {
        try {
            return LedgerCloudEvents.json().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
