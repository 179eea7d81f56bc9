package com.engagementledger.engagement.publishing;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.engagement.EngagementServiceApplication;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Kafka publisher is woken by the commit of a command, not by the event store's periodic poll: here that poll
 * comes every 10 minutes, and each of three lone commands still reaches Kafka at once. Before, Axon woke the
 * publisher when its unit of work committed, inside the REST command's wider transaction, i.e. before the events
 * were visible, and a lone command waited for the next poll.
 */
class LoneCommandPublicationTest {
    private static final String DATABASE = "ledger_engagement_lone_command";

    @Test
    void each_lone_commands_events_reach_kafka_without_waiting_for_the_stores_next_poll() {
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        infra.postgres().createDatabase(DATABASE);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EngagementServiceApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + infra.postgres().jdbcUrl(DATABASE),
                        "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                        "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                        "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                        "--ledger.security.jwt-secret=" + TestTokens.SECRET,
                        "--ledger.event-store.fetch-delay=10m")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api lead = new Api(port, TestTokens.lead("lead-lone"));
            for (int i = 0; i < 3; i++) {
                // what other tests published before is not this command's business (and may be a long backlog)
                Map<TopicPartition, Long> before = LedgerTopic.ends();
                String id = lead.post("/engagements", Scenario.engagement("Lone " + i)).id();
                try (LedgerTopic topic = new LedgerTopic(List.of(id), before)) {
                    topic.awaitUntil(records -> LedgerTopic.ids(records).size() == 1, Duration.ofSeconds(30),
                            "the opening of lone engagement " + i);
                }
            }
        }
    }
}
