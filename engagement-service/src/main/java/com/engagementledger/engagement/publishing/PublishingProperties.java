package com.engagementledger.engagement.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.kafka.*}: how the ledger's topics are created and how long one send may take before the publishing
 * processor gives up on a batch and retries it (bounded so that a broker outage never hangs the processor thread).
 */
@ConfigurationProperties("ledger.kafka")
public record PublishingProperties(@DefaultValue("6") int partitions,
                                   @DefaultValue("1") short replicationFactor,
                                   @DefaultValue("30s") Duration deliveryTimeout,
                                   @DefaultValue("10s") Duration requestTimeout,
                                   @DefaultValue("10s") Duration maxBlock) {
}
