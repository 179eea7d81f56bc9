package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.IncidentStatus;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.engagement.EngagementView;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.engagement.incident.IncidentCommands.AcknowledgeIncident;
import com.engagementledger.engagement.incident.IncidentCommands.EscalateIncident;
import com.engagementledger.engagement.incident.IncidentCommands.MitigateIncident;
import com.engagementledger.engagement.incident.IncidentCommands.OpenIncident;
import com.engagementledger.engagement.incident.IncidentCommands.PublishPostmortem;
import com.engagementledger.engagement.incident.IncidentCommands.ResolveIncident;
import com.engagementledger.engagement.security.Actors;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.engagement.web.AsOfParameter;
import com.engagementledger.engagement.web.CommandResult;
import com.engagementledger.engagement.web.CommandRunner;
import com.engagementledger.engagement.web.IfMatch;
import com.engagementledger.engagement.web.ListQuery;
import com.engagementledger.engagement.web.Paging;
import com.engagementledger.engagement.web.Plausible;
import com.engagementledger.engagement.web.SafeText;
import com.engagementledger.engagement.web.Target;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;

/** Incidents of an engagement, from detection to postmortem. */
@RestController
@RequestMapping("/engagements/{engagementId}/incidents")
class IncidentController {
    /** A runbook or postmortem link: http(s) only. */
    static final String LINK = "^https?://\\S+$";

    private final CommandRunner runner;
    private final Engagements engagements;
    private final ViewStore views;
    private final int maxPageSize;

    IncidentController(CommandRunner runner, Engagements engagements, ViewStore views,
                       @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.engagements = engagements;
        this.views = views;
        this.maxPageSize = maxPageSize;
    }

    record OpenRequest(@NotNull Severity severity, @NotBlank @Size(max = 200) @SafeText String service,
                       @NotBlank @Size(max = 500) @SafeText String title, @NotNull @Plausible Instant detectedAt,
                       @Size(max = 2000) @Pattern(regexp = LINK) String runbookUrl) {
    }

    record AcknowledgeRequest(@NotNull @Plausible Instant acknowledgedAt) {
    }

    record EscalateRequest(@NotBlank @Size(max = 200) @SafeText String escalatedTo,
                           @NotNull @Plausible Instant escalatedAt, @Size(max = 2000) @SafeText String reason) {
    }

    record MitigateRequest(@NotNull @Plausible Instant mitigatedAt, @Size(max = 5000) @SafeText String summary) {
    }

    record ResolveRequest(@NotNull @Plausible Instant resolvedAt,
                          @NotBlank @Size(max = 5000) @SafeText String rootCause) {
    }

    record PostmortemRequest(@NotNull @Plausible Instant publishedAt,
                             @NotBlank @Size(max = 2000) @Pattern(regexp = LINK) String url,
                             @Size(max = 5000) @SafeText String summary) {
    }

    @Operation(summary = "Report an incident")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> open(Caller caller, @PathVariable String engagementId,
                                       @Valid @RequestBody OpenRequest body) {
        IncidentId id = IncidentId.newId();
        return runner.create(target(id.value()), body, new OpenIncident(id, new EngagementId(engagementId),
                body.severity(), body.service(), body.title(), body.detectedAt(), body.runbookUrl(),
                overlap(engagementId), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's incidents")
    @Parameter(name = AsOfParameter.NAME, in = ParameterIn.QUERY, description = AsOfParameter.DESCRIPTION,
            schema = @Schema(type = "string", format = "date-time"))
    @GetMapping
    Page<IncidentView> list(@PathVariable String engagementId,
                                   @RequestParam(required = false) IncidentStatus status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, IncidentViewFold.KIND, engagementId, status == null ? null : status.name(),
                IncidentView.class, page, size, maxPageSize);
    }

    @Operation(summary = "Read one incident")
    @GetMapping("/{incidentId}")
    ResponseEntity<IncidentView> get(@PathVariable String engagementId, @PathVariable String incidentId) {
        ViewStore.Stored<IncidentView> stored = views.findIn(IncidentViewFold.KIND, incidentId, engagementId,
                IncidentView.class);
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }

    @Operation(summary = "Acknowledge an incident")
    @PostMapping("/{incidentId}/acknowledgement")
    ResponseEntity<CommandResult> acknowledge(Caller caller, @PathVariable String engagementId,
                                              @PathVariable String incidentId,
                                              @Valid @RequestBody AcknowledgeRequest body,
                                              @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(incidentId), body, new AcknowledgeIncident(new IncidentId(incidentId),
                IfMatch.parse(ifMatch), body.acknowledgedAt(), overlap(engagementId), Actors.of(caller)));
    }

    @Operation(summary = "Escalate an incident")
    @PostMapping("/{incidentId}/escalation")
    ResponseEntity<CommandResult> escalate(Caller caller, @PathVariable String incidentId,
                                           @Valid @RequestBody EscalateRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(incidentId), body, new EscalateIncident(new IncidentId(incidentId),
                IfMatch.parse(ifMatch), body.escalatedTo(), body.escalatedAt(), body.reason(), Actors.of(caller)));
    }

    @Operation(summary = "Record an incident's mitigation")
    @PostMapping("/{incidentId}/mitigation")
    ResponseEntity<CommandResult> mitigate(Caller caller, @PathVariable String incidentId,
                                           @Valid @RequestBody MitigateRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(incidentId), body, new MitigateIncident(new IncidentId(incidentId),
                IfMatch.parse(ifMatch), body.mitigatedAt(), body.summary(), Actors.of(caller)));
    }

    @Operation(summary = "Resolve an incident, with its root cause")
    @PostMapping("/{incidentId}/resolution")
    ResponseEntity<CommandResult> resolve(Caller caller, @PathVariable String incidentId,
                                          @Valid @RequestBody ResolveRequest body,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(incidentId), body, new ResolveIncident(new IncidentId(incidentId),
                IfMatch.parse(ifMatch), body.resolvedAt(), body.rootCause(), Actors.of(caller)));
    }

    @Operation(summary = "Publish an incident's postmortem")
    @PostMapping("/{incidentId}/postmortem")
    ResponseEntity<CommandResult> postmortem(Caller caller, @PathVariable String incidentId,
                                             @Valid @RequestBody PostmortemRequest body,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(incidentId), body, new PublishPostmortem(new IncidentId(incidentId),
                IfMatch.parse(ifMatch), body.publishedAt(), body.url(), body.summary(), Actors.of(caller)));
    }

    private static Target target(String incidentId) {
        return Target.of(IncidentViewFold.KIND, incidentId);
    }

    /** The engagement's overlap window, against which an incident's times are judged. */
    private OverlapWindow overlap(String engagementId) {
        EngagementView engagement = engagements.find(engagementId).state();
        return new OverlapWindow(ZoneId.of(engagement.clientTimeZone), engagement.overlapStart, engagement.overlapEnd);
    }
}
