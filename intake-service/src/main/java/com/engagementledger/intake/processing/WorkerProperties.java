package com.engagementledger.intake.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.intake.worker.*}.
 *
 * @param pollInterval  milliseconds between looks into the inbox
 * @param retryInterval how long a connection's deliveries wait after engagement-service could not be reached
 * @param batchSize     deliveries of one connection processed per look, so one busy connection does not hold up
 *                      the others
 */
@ConfigurationProperties("ledger.intake.worker")
record WorkerProperties(long pollInterval, Duration retryInterval, int batchSize) {
}
