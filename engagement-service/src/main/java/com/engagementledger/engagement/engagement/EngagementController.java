package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.EscalationLevel;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.common.Ids;
import com.engagementledger.engagement.engagement.EngagementCommands.AssignOwnership;
import com.engagementledger.engagement.engagement.EngagementCommands.ChangeCoverage;
import com.engagementledger.engagement.engagement.EngagementCommands.CloseEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.DefineEscalationPath;
import com.engagementledger.engagement.engagement.EngagementCommands.OpenEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.PauseEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.RecordGovernanceReview;
import com.engagementledger.engagement.engagement.EngagementCommands.ResumeEngagement;
import com.engagementledger.engagement.engagement.EngagementCommands.RevokeOwnership;
import com.engagementledger.engagement.engagement.EngagementCommands.TransferWorkstream;
import com.engagementledger.engagement.engagement.EngagementRequests.CoverageRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.EscalationPathRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.OpenEngagementRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.OwnershipRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.ReasonRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.ReviewRequest;
import com.engagementledger.engagement.engagement.EngagementRequests.WorkstreamRequest;
import com.engagementledger.engagement.security.Actors;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.engagement.web.AsOfParameter;
import com.engagementledger.engagement.web.CommandResult;
import com.engagementledger.engagement.web.CommandRunner;
import com.engagementledger.engagement.web.IfMatch;
import com.engagementledger.engagement.web.Paging;
import com.engagementledger.engagement.web.Target;
import com.engagementledger.support.openapi.NullableValues;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
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

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Engagements: open, terms, lifecycle, workstreams, the ownership matrix and governance. */
@RestController
@RequestMapping("/engagements")
class EngagementController {
    private final CommandRunner runner;
    private final Engagements engagements;
    private final ViewStore views;
    private final Clock clock;
    private final int maxPageSize;

    EngagementController(CommandRunner runner, Engagements engagements, ViewStore views, Clock clock,
                         @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.engagements = engagements;
        this.views = views;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
    }

    @Operation(summary = "Open an engagement (a token scoped to all engagements)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> open(Caller caller, @Valid @RequestBody OpenEngagementRequest body) {
        if (!caller.seesAll()) {
            throw ApiProblem.of(ProblemCatalog.AUTH_SCOPE_FORBIDDEN,
                    "opening an engagement needs a token scoped to all engagements (\"*\")");
        }
        requireZone("clientTimeZone", body.clientTimeZone());
        requireZone("partnerTimeZone", body.partnerTimeZone());
        EngagementId id = EngagementId.newId();
        return runner.create(target(id.value()), body, new OpenEngagement(id, body.name(), body.clientName(),
                body.partnerName(), body.model(), body.managementStructure(), body.contractType(),
                body.clientTimeZone(), body.partnerTimeZone(), body.overlapStart(), body.overlapEnd(),
                body.coveragePattern(), body.startDate(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagements the token covers")
    @GetMapping
    Page<EngagementView> list(Caller caller, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        int pageSize = Paging.size(size, maxPageSize);
        int pageNumber = Paging.page(page);
        List<EngagementView> items = views.listEngagements(List.copyOf(caller.engagements()), caller.seesAll(),
                        EngagementView.class, pageNumber * pageSize, pageSize).stream()
                .map(ViewStore.Stored::state).toList();
        return Page.of(items, pageNumber, pageSize,
                views.countEngagements(List.copyOf(caller.engagements()), caller.seesAll()));
    }

    @Operation(summary = "Read one engagement: terms, workstreams, ownership matrix, reviews, escalation path")
    @Parameter(name = AsOfParameter.NAME, in = ParameterIn.QUERY, description = AsOfParameter.DESCRIPTION,
            schema = @Schema(type = "string", format = "date-time"))
    @GetMapping("/{engagementId}")
    ResponseEntity<EngagementView> get(@PathVariable String engagementId) {
        ViewStore.Stored<EngagementView> stored = engagements.find(engagementId);
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }

    @Operation(summary = "The ownership matrix: every area, null where nobody owns it")
    @NullableValues
    @Parameter(name = AsOfParameter.NAME, in = ParameterIn.QUERY, description = AsOfParameter.DESCRIPTION,
            schema = @Schema(type = "string", format = "date-time"))
    @GetMapping("/{engagementId}/ownership")
    Map<OwnershipArea, EngagementView.Owner> ownership(@PathVariable String engagementId) {
        return engagements.find(engagementId).state().ownership;
    }

    @Operation(summary = "List the engagement's transferred workstreams")
    @GetMapping("/{engagementId}/workstreams")
    List<EngagementView.Workstream> workstreams(@PathVariable String engagementId) {
        return engagements.find(engagementId).state().workstreams;
    }

    @Operation(summary = "List the engagement's governance reviews")
    @GetMapping("/{engagementId}/governance-reviews")
    List<EngagementView.Review> reviews(@PathVariable String engagementId) {
        return engagements.find(engagementId).state().reviews;
    }

    @Operation(summary = "Change the coverage pattern and overlap window")
    @PostMapping("/{engagementId}/coverage")
    ResponseEntity<CommandResult> coverage(Caller caller, @PathVariable String engagementId,
                                           @Valid @RequestBody CoverageRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new ChangeCoverage(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), body.coveragePattern(), body.overlapStart(), body.overlapEnd(), body.reason(),
                Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Pause the engagement")
    @PostMapping("/{engagementId}/pause")
    ResponseEntity<CommandResult> pause(Caller caller, @PathVariable String engagementId,
                                        @Valid @RequestBody ReasonRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new PauseEngagement(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), body.reason(), Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Resume a paused engagement")
    @PostMapping("/{engagementId}/resume")
    ResponseEntity<CommandResult> resume(Caller caller, @PathVariable String engagementId,
                                         @Valid @RequestBody ReasonRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new ResumeEngagement(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), body.reason(), Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Close the engagement")
    @PostMapping("/{engagementId}/close")
    ResponseEntity<CommandResult> close(Caller caller, @PathVariable String engagementId,
                                        @Valid @RequestBody ReasonRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new CloseEngagement(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), body.reason(), Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Transfer a workstream, with the conditions confirmed")
    @PostMapping("/{engagementId}/workstreams")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> transfer(Caller caller, @PathVariable String engagementId,
                                           @Valid @RequestBody WorkstreamRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        String workstreamId = Ids.newId();
        return runner.create(target(engagementId).part(workstreamId), body,
                new TransferWorkstream(new EngagementId(engagementId), IfMatch.parse(ifMatch), workstreamId,
                        body.name(), body.workType(), body.confirmedConditions(), Actors.of(caller),
                        when(body.effectiveAt())));
    }

    @Operation(summary = "Assign (or reassign) an ownership area")
    @PostMapping("/{engagementId}/ownership/{area}")
    ResponseEntity<CommandResult> assign(Caller caller, @PathVariable String engagementId,
                                         @PathVariable OwnershipArea area, @Valid @RequestBody OwnershipRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new AssignOwnership(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), area, body.ownerId(), body.ownerName(), body.ownerSide(), body.reason(),
                Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Revoke an ownership area's owner")
    @PostMapping("/{engagementId}/ownership/{area}/revocation")
    ResponseEntity<CommandResult> revoke(Caller caller, @PathVariable String engagementId,
                                         @PathVariable OwnershipArea area, @Valid @RequestBody ReasonRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engagementId), body, new RevokeOwnership(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), area, body.reason(), Actors.of(caller), when(body.effectiveAt())));
    }

    @Operation(summary = "Record a governance review held")
    @PostMapping("/{engagementId}/governance-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> review(Caller caller, @PathVariable String engagementId,
                                         @Valid @RequestBody ReviewRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        String reviewId = Ids.newId();
        return runner.create(target(engagementId).part(reviewId), body,
                new RecordGovernanceReview(new EngagementId(engagementId), IfMatch.parse(ifMatch), reviewId,
                        body.kind(), body.heldOn(), body.attendees(),
                        body.outcomes() == null ? List.of() : body.outcomes(), Actors.of(caller)));
    }

    @Operation(summary = "Define the escalation path")
    @PostMapping("/{engagementId}/escalation-path")
    ResponseEntity<CommandResult> escalationPath(Caller caller, @PathVariable String engagementId,
                                                 @Valid @RequestBody EscalationPathRequest body,
                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        List<EscalationLevel> levels = body.levels().stream()
                .map(l -> new EscalationLevel(l.name(), l.contact(), l.side())).toList();
        return runner.change(target(engagementId), body, new DefineEscalationPath(new EngagementId(engagementId),
                IfMatch.parse(ifMatch), levels, Actors.of(caller), when(body.effectiveAt())));
    }

    private BusinessTime when(Instant effectiveAt) {
        return BusinessTime.of(effectiveAt, clock);
    }

    private static Target target(String engagementId) {
        return Target.of(EngagementViewFold.KIND, engagementId);
    }

    private static void requireZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField(field, FieldRule.FORMAT,
                    "'" + zone + "' is not a known IANA time zone");
        }
    }
}
