package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.engagement.support.IntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service creates its topics at start-up with the configured partitions (default 6). */
class TopicsTest extends IntegrationTest {

    @Test
    void the_ledger_topics_and_their_dead_letter_topics_exist_with_six_partitions() throws Exception {
        List<String> topics = List.of(LedgerCloudEvents.EVENTS_TOPIC, LedgerCloudEvents.EVENTS_TOPIC + ".dlt",
                LedgerCloudEvents.ALERTS_TOPIC, LedgerCloudEvents.ALERTS_TOPIC + ".dlt");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LedgerInfrastructure.shared().kafka().bootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(described).containsOnlyKeys(topics);
            assertThat(described.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
        }
    }
}
