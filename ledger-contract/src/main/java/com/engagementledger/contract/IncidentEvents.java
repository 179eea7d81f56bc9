package com.engagementledger.contract;

import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;

import java.time.Instant;

/** An incident from detection to published postmortem; order is enforced by the Incident aggregate. */
public final class IncidentEvents {
    private IncidentEvents() {
    }

    /** startedOutsideOverlap is judged against the engagement's overlap window in the client's time zone. */
    @EventType("ledger.incident.opened.v1")
    public record IncidentOpened(String engagementId, String incidentId, Severity severity, String service,
                                 String title, Instant detectedAt, String runbookUrl, boolean startedOutsideOverlap,
                                 long acknowledgeTargetMinutes) implements LedgerEvent {
    }

    @EventType("ledger.incident.acknowledged.v1")
    public record IncidentAcknowledged(String engagementId, String incidentId, Severity severity,
                                       Instant acknowledgedAt, String acknowledgedBy, Side acknowledgedBySide,
                                       boolean withinOverlap, long minutesToAcknowledge, boolean withinTarget)
            implements LedgerEvent {
    }

    @EventType("ledger.incident.escalated.v1")
    public record IncidentEscalated(String engagementId, String incidentId, String escalatedTo, Instant escalatedAt,
                                    String reason) implements LedgerEvent {
    }

    @EventType("ledger.incident.mitigated.v1")
    public record IncidentMitigated(String engagementId, String incidentId, Instant mitigatedAt, String summary)
            implements LedgerEvent {
    }

    /**
     * An incident may be resolved without a mitigation step (from acknowledged or escalated, as incident tools
     * resolve): it then counts as mitigated at resolvedAt. Time to resolve is detectedAt → resolvedAt either way.
     */
    @EventType("ledger.incident.resolved.v1")
    public record IncidentResolved(String engagementId, String incidentId, Severity severity, Instant detectedAt,
                                   Instant resolvedAt, String rootCause) implements LedgerEvent {
    }

    @EventType("ledger.incident.postmortem-published.v1")
    public record PostmortemPublished(String engagementId, String incidentId, Instant publishedAt, String url,
                                      String summary) implements LedgerEvent {
    }
}
