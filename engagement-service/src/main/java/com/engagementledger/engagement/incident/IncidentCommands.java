package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Commands of the Incident aggregate. Overlap facts are worked out by the caller from the engagement's window. */
public final class IncidentCommands {
    private IncidentCommands() {
    }

    public record OpenIncident(@TargetAggregateIdentifier String incidentId, String engagementId, Severity severity,
                               String service, String title, Instant detectedAt, String runbookUrl,
                               boolean startedOutsideOverlap, long acknowledgeTargetMinutes, Actor actor) {
    }

    public record AcknowledgeIncident(@TargetAggregateIdentifier String incidentId,
                                      @TargetAggregateVersion Long expectedVersion, Instant acknowledgedAt,
                                      boolean withinOverlap, Actor actor) {
    }

    public record EscalateIncident(@TargetAggregateIdentifier String incidentId,
                                   @TargetAggregateVersion Long expectedVersion, String escalatedTo,
                                   Instant escalatedAt, String reason, Actor actor) {
    }

    public record MitigateIncident(@TargetAggregateIdentifier String incidentId,
                                   @TargetAggregateVersion Long expectedVersion, Instant mitigatedAt, String summary,
                                   Actor actor) {
    }

    public record ResolveIncident(@TargetAggregateIdentifier String incidentId,
                                  @TargetAggregateVersion Long expectedVersion, Instant resolvedAt, String rootCause,
                                  Actor actor) {
    }

    public record PublishPostmortem(@TargetAggregateIdentifier String incidentId,
                                    @TargetAggregateVersion Long expectedVersion, Instant publishedAt, String url,
                                    String summary, Actor actor) {
    }
}
