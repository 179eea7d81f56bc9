package com.engagementledger.intake.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code ledger.intake.engagement-service.*}: where engagement-service is and the SERVICE token intake calls it with.
 */
@ConfigurationProperties("ledger.intake.engagement-service")
record EngagementServiceProperties(URI baseUrl, Duration connectTimeout, Duration readTimeout, Token token) {

    /** The token's subject (recorded as the actor of every fact intake records), display name and lifetime. */
    record Token(String subject, String name, Duration timeToLive) {
    }
}
