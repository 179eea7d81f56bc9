package com.engagementledger.engagement.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.kafka.*}: how the ledger's topics are created and how long one send may take before the publishing
 * processor gives up on a batch and retries it (bounded so that a broker outage never hangs the processor thread);
 * {@code linger} is the producer's {@code linger.ms}: how long the sends of a batch wait to be grouped into one
 * produce request (latency of a lone event against requests, token commits and consumer transactions under load).
 */
@ConfigurationProperties("ledger.kafka")
record PublishingProperties(@DefaultValue("6") int partitions,
                                   @DefaultValue("1") short replicationFactor,
                                   @DefaultValue("30s") Duration deliveryTimeout,
                                   @DefaultValue("10s") Duration requestTimeout,
                                   @DefaultValue("10s") Duration maxBlock,
                                   @DefaultValue("5ms") Duration linger) {
}
