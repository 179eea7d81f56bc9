package com.engagementledger.engagement.support;

import com.engagementledger.testsupport.EmbeddedLedger;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the Spring Boot tests: the real PostgreSQL and Kafka of this JVM (started once), one cached application
 * context on a random port, with metrics exported as in production. Tests never wipe data: each opens its own
 * engagements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@EmbeddedLedger(database = "ledger_engagement")
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected Api api(String token) {
        return new Api(port, token);
    }
}
