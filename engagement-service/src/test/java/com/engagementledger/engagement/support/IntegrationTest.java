package com.engagementledger.engagement.support;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring Boot tests: the real PostgreSQL and Kafka of this JVM (started once), one cached application
 * context on a random port, with metrics exported as in production. Tests never wipe data: each opens its own
 * engagements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {
    public static final String JWT_SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Tokens tokens;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.postgres().jdbcUrl("ledger_engagement"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("spring.datasource.password", () -> EmbeddedPostgresServer.PASSWORD);
        registry.add("spring.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("ledger.security.jwt-secret", () -> JWT_SECRET);
    }

    protected Api api(String token) {
        return new Api(port, token);
    }
}
