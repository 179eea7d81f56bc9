package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.EngagementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Commands of the Incident aggregate. */
final class IncidentCommands {
    private IncidentCommands() {
    }

    /** {@code overlap}: the engagement's overlap window, against which the incident's times are judged. */
    public record OpenIncident(@TargetAggregateIdentifier IncidentId incidentId, EngagementId engagementId,
                               Severity severity, String service, String title, Instant detectedAt,
                               String runbookUrl, OverlapWindow overlap, Actor actor) {
    }

    public record AcknowledgeIncident(@TargetAggregateIdentifier IncidentId incidentId,
                                      @TargetAggregateVersion Long expectedVersion, Instant acknowledgedAt,
                                      OverlapWindow overlap, Actor actor) {
    }

    public record EscalateIncident(@TargetAggregateIdentifier IncidentId incidentId,
                                   @TargetAggregateVersion Long expectedVersion, String escalatedTo,
                                   Instant escalatedAt, String reason, Actor actor) {
    }

    public record MitigateIncident(@TargetAggregateIdentifier IncidentId incidentId,
                                   @TargetAggregateVersion Long expectedVersion, Instant mitigatedAt, String summary,
                                   Actor actor) {
    }

    public record ResolveIncident(@TargetAggregateIdentifier IncidentId incidentId,
                                  @TargetAggregateVersion Long expectedVersion, Instant resolvedAt, String rootCause,
                                  Actor actor) {
    }

    public record PublishPostmortem(@TargetAggregateIdentifier IncidentId incidentId,
                                    @TargetAggregateVersion Long expectedVersion, Instant publishedAt, String url,
                                    String summary, Actor actor) {
    }
}
