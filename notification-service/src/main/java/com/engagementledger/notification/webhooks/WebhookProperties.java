package com.engagementledger.notification.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Webhook delivery settings. allowedHosts (exact host names or literal IPs as written in the URL) and allowedCidrs
 * lift the SSRF refusal of loopback/private/link-local/metadata addresses; production leaves both empty.
 */
@ConfigurationProperties("ledger.notification.webhooks")
record WebhookProperties(List<String> allowedHosts, List<String> allowedCidrs, Retry retry,
                                int disableAfterDeadDeliveries, Duration requestTimeout) {

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    /** Exponential backoff with subtractive jitter; a delivery is DEAD once the next try would pass maxAge. */
    public record Retry(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxAge,
                        double jitter) {
    }
}
