package com.engagementledger.intake.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * A source bound to an engagement: which repository (GitHub), project on which site (Jira) or service (PagerDuty)
 * feeds it, with its mapping options. The webhook secret is not part of it: only the signature check reads it.
 */
public record Connection(UUID id, String engagementId, Source source, String repository, String site,
                         String projectKey, String serviceId, ConnectionOptions options, Instant createdAt,
                         String createdBy, Instant secretRotatedAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
