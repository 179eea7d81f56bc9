package com.engagementledger.engagement.api;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.engagement.EngagementServiceApplication;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates are rebuilt from stored events: a fresh application on the same database decides the same way. */
class RestartTest {

    private static ConfigurableApplicationContext start() {
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        return new SpringApplicationBuilder(EngagementServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + infra.postgres().jdbcUrl("ledger_engagement"),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                "--ledger.security.jwt-secret=" + TestTokens.SECRET,
                "--ledger.snapshots.threshold=3");
    }

    private static Api api(ConfigurableApplicationContext context, String subject) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(port, TestTokens.lead(subject));
    }

    @Test
    void state_is_rebuilt_from_stored_events_after_a_restart() {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Api lead = api(first, "lead-anna");
            id = lead.post("/engagements", Scenario.engagement("Restarted")).id();
            // more events than the snapshot threshold (3), so the restart reads a snapshot plus later events
            for (String owner : List.of("ravi", "mia", "li", "omar", "ravi")) {
                assertThat(lead.post("/engagements/" + id + "/ownership/ON_CALL",
                        Map.of("ownerId", owner, "ownerSide", "PARTNER", "reason", "rotation")).status()).isEqualTo(200);
            }
        }
        try (ConfigurableApplicationContext second = start()) {
            Api lead = api(second, "lead-anna");
            assertThat(lead.get("/engagements/" + id).json().get("ownership").get("ON_CALL").get("ownerId").asText())
                    .isEqualTo("ravi");
            // the aggregate knows ravi owns ON_CALL: only rebuilt state can refuse this
            Api.Response unchanged = lead.post("/engagements/" + id + "/ownership/ON_CALL",
                    Map.of("ownerId", "ravi", "ownerSide", "PARTNER", "reason", "again"));
            assertThat(unchanged.status()).isEqualTo(422);
            assertThat(unchanged.json().get("rule").asText()).isEqualTo("ownership.owner.unchanged");
            assertThat(lead.post("/engagements/" + id + "/ownership/ON_CALL",
                    Map.of("ownerId", "mia", "ownerSide", "CLIENT", "reason", "in-house")).json().get("version")
                    .asLong()).isEqualTo(6);
        }
    }
}
