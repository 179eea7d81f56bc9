package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.EscalationLevel;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.engagement.common.Ids;
import com.engagementledger.engagement.common.RuleViolation;
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
import com.engagementledger.engagement.security.Caller;
import com.engagementledger.engagement.security.EngagementAccess;
import com.engagementledger.engagement.view.Lookups;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.engagement.web.CommandResult;
import com.engagementledger.engagement.web.CommandRunner;
import com.engagementledger.engagement.web.IfMatch;
import com.engagementledger.engagement.web.Paging;
import com.engagementledger.engagement.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Engagements: open, terms, lifecycle, workstreams, the ownership matrix and governance. */
@RestController
@RequestMapping("/engagements")
class EngagementController {
    private final CommandRunner runner;
    private final EngagementAccess access;
    private final Lookups lookups;
    private final ViewStore views;
    private final int maxPageSize;

    EngagementController(CommandRunner runner, EngagementAccess access, Lookups lookups, ViewStore views,
                         @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.access = access;
        this.lookups = lookups;
        this.views = views;
        this.maxPageSize = maxPageSize;
    }

    @PostMapping
    ResponseEntity<CommandResult> open(@Valid @RequestBody OpenEngagementRequest body, HttpServletRequest http) {
        Caller caller = access.caller();
        RuleViolation.require(caller.seesAllEngagements(), "engagement.open.scope",
                "opening an engagement needs a token scoped to all engagements (\"*\")");
        requireZone("clientTimeZone", body.clientTimeZone());
        requireZone("partnerTimeZone", body.partnerTimeZone());
        String id = Ids.newId();
        return runner.run(new CommandRunner.Request(caller, http, body, EngagementViewFold.KIND, id, true,
                new OpenEngagement(id, body.name(), body.clientName(), body.partnerName(), body.model(),
                        body.managementStructure(), body.contractType(), body.clientTimeZone(),
                        body.partnerTimeZone(), body.overlapStart(), body.overlapEnd(), body.coveragePattern(),
                        body.startDate(), caller.actor())));
    }

    @GetMapping
    Paging.Page<EngagementView> list(@RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        Caller caller = access.caller();
        int pageSize = Paging.size(size, maxPageSize);
        int pageNumber = Paging.page(page);
        List<EngagementView> items = views.listEngagements(caller.engagements(), caller.seesAllEngagements(),
                        EngagementView.class, pageNumber * pageSize, pageSize).stream()
                .map(ViewStore.Stored::state).toList();
        return new Paging.Page<>(items, pageNumber, pageSize,
                views.countEngagements(caller.engagements(), caller.seesAllEngagements()));
    }

    @GetMapping("/{engagementId}")
    ResponseEntity<EngagementView> get(@PathVariable String engagementId) {
        access.requireEngagement(engagementId);
        ViewStore.Stored<EngagementView> stored = lookups.engagement(engagementId);
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }

    @GetMapping("/{engagementId}/ownership")
    Map<OwnershipArea, EngagementView.Owner> ownership(@PathVariable String engagementId) {
        access.requireEngagement(engagementId);
        return lookups.engagement(engagementId).state().ownership;
    }

    @GetMapping("/{engagementId}/workstreams")
    List<EngagementView.Workstream> workstreams(@PathVariable String engagementId) {
        access.requireEngagement(engagementId);
        return lookups.engagement(engagementId).state().workstreams;
    }

    @GetMapping("/{engagementId}/governance-reviews")
    List<EngagementView.Review> reviews(@PathVariable String engagementId) {
        access.requireEngagement(engagementId);
        return lookups.engagement(engagementId).state().reviews;
    }

    @PostMapping("/{engagementId}/coverage")
    ResponseEntity<CommandResult> coverage(@PathVariable String engagementId, @Valid @RequestBody CoverageRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId, new ChangeCoverage(engagementId, expected,
                body.coveragePattern(), body.overlapStart(), body.overlapEnd(), body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/pause")
    ResponseEntity<CommandResult> pause(@PathVariable String engagementId, @Valid @RequestBody ReasonRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId,
                new PauseEngagement(engagementId, expected, body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/resume")
    ResponseEntity<CommandResult> resume(@PathVariable String engagementId, @Valid @RequestBody ReasonRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId,
                new ResumeEngagement(engagementId, expected, body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/close")
    ResponseEntity<CommandResult> close(@PathVariable String engagementId, @Valid @RequestBody ReasonRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId,
                new CloseEngagement(engagementId, expected, body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/workstreams")
    ResponseEntity<CommandResult> transfer(@PathVariable String engagementId,
                                           @Valid @RequestBody WorkstreamRequest body,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        String workstreamId = Ids.newId();
        return runner.run(new CommandRunner.Request(caller, http, body, EngagementViewFold.KIND, engagementId, true,
                new TransferWorkstream(engagementId, expected, workstreamId, body.name(), body.workType(),
                        body.confirmedConditions(), caller.actor())).withAnswerId(workstreamId));
    }

    @PostMapping("/{engagementId}/ownership/{area}")
    ResponseEntity<CommandResult> assign(@PathVariable String engagementId, @PathVariable OwnershipArea area,
                                         @Valid @RequestBody OwnershipRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId, new AssignOwnership(engagementId, expected, area,
                body.ownerId(), body.ownerName(), body.ownerSide(), body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/ownership/{area}/revocation")
    ResponseEntity<CommandResult> revoke(@PathVariable String engagementId, @PathVariable OwnershipArea area,
                                         @Valid @RequestBody ReasonRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        return update(caller, http, body, engagementId,
                new RevokeOwnership(engagementId, expected, area, body.reason(), caller.actor()));
    }

    @PostMapping("/{engagementId}/governance-reviews")
    ResponseEntity<CommandResult> review(@PathVariable String engagementId, @Valid @RequestBody ReviewRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        String reviewId = Ids.newId();
        return runner.run(new CommandRunner.Request(caller, http, body, EngagementViewFold.KIND, engagementId, true,
                new RecordGovernanceReview(engagementId, expected, reviewId, body.kind(), body.heldOn(), body.attendees(),
                        body.outcomes() == null ? List.of() : body.outcomes(), caller.actor()))
                .withAnswerId(reviewId));
    }

    @PostMapping("/{engagementId}/escalation-path")
    ResponseEntity<CommandResult> escalationPath(@PathVariable String engagementId,
                                                 @Valid @RequestBody EscalationPathRequest body,
                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                 HttpServletRequest http) {
        Caller caller = access.requireEngagement(engagementId);
        Long expected = IfMatch.check(ifMatch, lookups.engagement(engagementId).version());
        List<EscalationLevel> levels = body.levels().stream()
                .map(l -> new EscalationLevel(l.name(), l.contact(), l.side())).toList();
        return update(caller, http, body, engagementId,
                new DefineEscalationPath(engagementId, expected, levels, caller.actor()));
    }

    private ResponseEntity<CommandResult> update(Caller caller, HttpServletRequest http, Object body,
                                                 String engagementId, Object command) {
        lookups.engagement(engagementId);
        return runner.run(new CommandRunner.Request(caller, http, body, EngagementViewFold.KIND, engagementId, false,
                command));
    }

    private static void requireZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ProblemHandler.BadRequest(field, "time-zone",
                    "'" + zone + "' is not a known IANA time zone");
        }
    }
}
