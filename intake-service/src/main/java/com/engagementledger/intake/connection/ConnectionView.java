package com.engagementledger.intake.connection;

import org.springframework.lang.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A connection as answered: never its secret. {@code webhook} says what to configure in the tool.
 */
record ConnectionView(UUID id, String engagementId, Source source, @Nullable String repository, @Nullable String site,
                      @Nullable String projectKey, @Nullable String serviceId, ConnectionOptions options,
                      Webhook webhook, Instant createdAt, String createdBy, @Nullable Instant secretRotatedAt) {

    /**
     * The URL to paste into the tool, the content type to choose there and the events to send (GitHub's names).
     */
    record Webhook(String url, String contentType, List<String> events) {
    }

    static ConnectionView of(Connection c, URI publicBaseUrl) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        Webhook webhook = new Webhook(base + "/webhooks/" + c.source().path(), "application/json",
                switch (c.source()) {
                    case GITHUB -> List.of("pull_request", "milestone", "issues");
                    case JIRA -> List.of("jira:issue_created", "jira:issue_updated", "jira:version_created",
                            "jira:version_released");
                    case PAGERDUTY -> List.of("incident.triggered", "incident.acknowledged", "incident.escalated",
                            "incident.resolved");
                });
        return new ConnectionView(c.id(), c.engagementId(), c.source(), c.repository(), c.site(), c.projectKey(),
                c.serviceId(), c.options(), webhook, c.createdAt(), c.createdBy(), c.secretRotatedAt());
    }
}
