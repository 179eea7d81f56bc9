package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.IncidentStatus;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentEscalated;
import com.engagementledger.contract.IncidentEvents.IncidentMitigated;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import com.engagementledger.engagement.incident.IncidentCommands.AcknowledgeIncident;
import com.engagementledger.engagement.incident.IncidentCommands.EscalateIncident;
import com.engagementledger.engagement.incident.IncidentCommands.MitigateIncident;
import com.engagementledger.engagement.incident.IncidentCommands.OpenIncident;
import com.engagementledger.engagement.incident.IncidentCommands.PublishPostmortem;
import com.engagementledger.engagement.incident.IncidentCommands.ResolveIncident;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incident from detection to its postmortem: opened → acknowledged → (escalated) → (mitigated) → resolved →
 * postmortem published. Steps come in that order and their timestamps never go backwards. An incident resolved
 * without a recorded mitigation counts as mitigated at its resolution (see IncidentViewFold).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Incident {

    @AggregateIdentifier
    private String incidentId;
    private String engagementId;
    private Severity severity;
    private IncidentStatus status;
    private Instant detectedAt;
    private Instant lastStepAt;
    private long acknowledgeTargetMinutes;
    private boolean postmortemPublished;

    protected Incident() {
        // for Axon
    }

    @CommandHandler
    public Incident(OpenIncident command) {
        OverlapWindow overlap = command.overlap();
        apply(new IncidentOpened(command.engagementId().value(), command.incidentId().value(), command.severity(),
                command.service(), command.title(), command.detectedAt(), command.runbookUrl(),
                !overlap.contains(command.detectedAt()),
                overlap.acknowledgeTargetMinutes(command.severity(), command.detectedAt())));
    }


    @CommandHandler
    public void handle(AcknowledgeIncident command) {
        require(status == IncidentStatus.OPEN, "incident.already-acknowledged",
                "the incident was already acknowledged");
        requireNotBeforeLastStep(command.acknowledgedAt());
        long minutes = Duration.between(detectedAt, command.acknowledgedAt()).toMinutes();
        boolean withinOverlap = command.overlap().contains(command.acknowledgedAt());
        apply(new IncidentAcknowledged(engagementId, incidentId, severity, command.acknowledgedAt(),
                command.actor().id(), command.actor().side(), withinOverlap, minutes,
                minutes <= acknowledgeTargetMinutes));
    }

    @CommandHandler
    public void handle(EscalateIncident command) {
        requireAcknowledgedAndOpen();
        requireNotBeforeLastStep(command.escalatedAt());
        apply(new IncidentEscalated(engagementId, incidentId, command.escalatedTo(), command.escalatedAt(),
                command.reason()));
    }

    @CommandHandler
    public void handle(MitigateIncident command) {
        requireAcknowledgedAndOpen();
        require(status != IncidentStatus.MITIGATED, "incident.already-mitigated", "the incident was already mitigated");
        requireNotBeforeLastStep(command.mitigatedAt());
        apply(new IncidentMitigated(engagementId, incidentId, command.mitigatedAt(), command.summary()));
    }

    @CommandHandler
    public void handle(ResolveIncident command) {
        require(status != IncidentStatus.RESOLVED, "incident.already-resolved", "the incident is already resolved");
        // as incident tools do: resolving an acknowledged (or escalated) incident without a mitigation step is
        // allowed, and it counts as mitigated at its resolution
        require(status != IncidentStatus.OPEN, "incident.not-acknowledged",
                "an incident is acknowledged before it is resolved");
        requireNotBeforeLastStep(command.resolvedAt());
        apply(new IncidentResolved(engagementId, incidentId, severity, detectedAt, command.resolvedAt(),
                command.rootCause()));
    }

    @CommandHandler
    public void handle(PublishPostmortem command) {
        require(status == IncidentStatus.RESOLVED, "incident.not-resolved",
                "a postmortem is published after the incident is resolved; it is " + status);
        require(!postmortemPublished, "incident.postmortem.already-published", "the postmortem was already published");
        requireNotBeforeLastStep(command.publishedAt());
        apply(new PostmortemPublished(engagementId, incidentId, command.publishedAt(), command.url(),
                command.summary()));
    }

    private void requireAcknowledgedAndOpen() {
        require(status != IncidentStatus.OPEN, "incident.not-acknowledged", "the incident is not acknowledged yet");
        require(status != IncidentStatus.RESOLVED, "incident.already-resolved", "the incident is already resolved");
    }

    private void requireNotBeforeLastStep(Instant at) {
        require(!at.isBefore(lastStepAt), "incident.time.backwards",
                at + " is before the incident's previous step at " + lastStepAt);
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        engagementId = event.engagementId();
        severity = event.severity();
        status = IncidentStatus.OPEN;
        detectedAt = event.detectedAt();
        lastStepAt = event.detectedAt();
        acknowledgeTargetMinutes = event.acknowledgeTargetMinutes();
    }

    @EventSourcingHandler
    void on(IncidentAcknowledged event) {
        status = IncidentStatus.ACKNOWLEDGED;
        lastStepAt = event.acknowledgedAt();
    }

    @EventSourcingHandler
    void on(IncidentEscalated event) {
        lastStepAt = event.escalatedAt();
    }

    @EventSourcingHandler
    void on(IncidentMitigated event) {
        status = IncidentStatus.MITIGATED;
        lastStepAt = event.mitigatedAt();
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        status = IncidentStatus.RESOLVED;
        lastStepAt = event.resolvedAt();
    }

    @EventSourcingHandler
    void on(PostmortemPublished event) {
        postmortemPublished = true;
        lastStepAt = event.publishedAt();
    }
}
