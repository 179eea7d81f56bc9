package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.decision.DecisionCommands.AcceptDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ApproveDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ProposeDecision;
import com.engagementledger.engagement.decision.DecisionCommands.ReverseDecision;
import com.engagementledger.engagement.decision.DecisionCommands.SupersedeDecision;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.engagement.security.Actors;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.engagement.web.AsOfParameter;
import com.engagementledger.engagement.web.CommandResult;
import com.engagementledger.engagement.web.CommandRunner;
import com.engagementledger.engagement.web.IfMatch;
import com.engagementledger.engagement.web.ListQuery;
import com.engagementledger.engagement.web.Paging;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Decisions of an engagement. Every step takes an optional {@code effectiveAt}: when it happened (default: now),
 * never in the future, before the engagement's start or before the step it follows.
 */
@RestController
@RequestMapping("/engagements/{engagementId}/decisions")
class DecisionController {
    private final CommandRunner runner;
    private final ViewStore views;
    private final DecisionSearch search;
    private final Engagements engagements;
    private final Clock clock;
    private final int maxPageSize;

    DecisionController(CommandRunner runner, ViewStore views, DecisionSearch search, Engagements engagements,
                       Clock clock, @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.views = views;
        this.search = search;
        this.engagements = engagements;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
    }

    record ProposeRequest(@NotBlank @Size(max = 300) @SafeText String title, @NotNull DecisionCategory category,
                          @NotBlank @Size(max = 20000) @SafeText String context,
                          @NotBlank @Size(max = 20000) @SafeText String decision,
                          @Size(max = 20000) @SafeText String consequences,
                          @Size(max = 50) List<@NotBlank @Size(max = 2000) @SafeText String> alternatives,
                          @NotNull Reversibility reversibility, @Size(max = 64) String supersedes,
                          Instant effectiveAt) {
    }

    record SupersedeRequest(@NotBlank @Size(max = 64) String supersededBy,
                            @NotBlank @Size(max = 2000) @SafeText String reason, Instant effectiveAt) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) @SafeText String reason, Instant effectiveAt) {
    }

    /** The optional body of an acceptance or approval. */
    record StepRequest(Instant effectiveAt) {
        static final StepRequest NOW = new StepRequest(null);
    }

    @Operation(summary = "Propose a decision")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> propose(Caller caller, @PathVariable String engagementId,
                                          @Valid @RequestBody ProposeRequest body) {
        if (body.supersedes() != null) {
            views.requireIn(DecisionViewFold.KIND, body.supersedes(), engagementId);
        }
        DecisionId id = DecisionId.newId();
        return runner.create(Target.of(DecisionViewFold.KIND, id.value()), body,
                new ProposeDecision(id, new EngagementId(engagementId), body.title(), body.category(), body.context(),
                        body.decision(), body.consequences(),
                        body.alternatives() == null ? List.of() : body.alternatives(), body.reversibility(),
                        DecisionId.orNull(body.supersedes()), Actors.of(caller), when(body.effectiveAt()),
                        engagements.startsAt(engagementId)));
    }

    /** decidedBy matches the proposer, the acceptor or the second approver. */
    @Operation(summary = "List the engagement's decisions")
    @Parameter(name = AsOfParameter.NAME, in = ParameterIn.QUERY, description = AsOfParameter.DESCRIPTION,
            schema = @Schema(type = "string", format = "date-time"))
    @GetMapping
    Page<DecisionView> list(@PathVariable String engagementId,
                                   @RequestParam(required = false) DecisionStatus status,
                                   @RequestParam(required = false) DecisionCategory category,
                                   @RequestParam(required = false) String decidedBy,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        if (category == null && decidedBy == null) {
            return ListQuery.page(views, DecisionViewFold.KIND, engagementId, status == null ? null : status.name(),
                    DecisionView.class, page, size, maxPageSize);
        }
        int pageSize = Paging.size(size, maxPageSize);
        int pageNumber = Paging.page(page);
        return Page.of(search.find(engagementId, status, category, decidedBy, pageNumber * pageSize,
                pageSize), pageNumber, pageSize, search.count(engagementId, status, category, decidedBy));
    }

    @Operation(summary = "Read one decision")
    @GetMapping("/{decisionId}")
    ResponseEntity<DecisionView> get(@PathVariable String engagementId, @PathVariable String decisionId) {
        ViewStore.Stored<DecisionView> stored = decision(engagementId, decisionId);
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }

    @Operation(summary = "Accept a proposed decision (the other side accepts)")
    @PostMapping("/{decisionId}/acceptance")
    ResponseEntity<CommandResult> accept(Caller caller, @PathVariable String decisionId,
                                         @RequestBody(required = false) StepRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        StepRequest step = body == null ? StepRequest.NOW : body;
        return runner.change(target(decisionId), step, new AcceptDecision(new DecisionId(decisionId),
                IfMatch.parse(ifMatch), Actors.of(caller), when(step.effectiveAt())));
    }

    @Operation(summary = "Approve an accepted decision")
    @PostMapping("/{decisionId}/approval")
    ResponseEntity<CommandResult> approve(Caller caller, @PathVariable String decisionId,
                                          @RequestBody(required = false) StepRequest body,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        StepRequest step = body == null ? StepRequest.NOW : body;
        return runner.change(target(decisionId), step, new ApproveDecision(new DecisionId(decisionId),
                IfMatch.parse(ifMatch), Actors.of(caller), when(step.effectiveAt())));
    }

    @Operation(summary = "Supersede a decision by a newer one")
    @PostMapping("/{decisionId}/supersession")
    ResponseEntity<CommandResult> supersede(Caller caller, @PathVariable String engagementId,
                                            @PathVariable String decisionId, @Valid @RequestBody SupersedeRequest body,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        DecisionView successor = decision(engagementId, body.supersededBy()).state();
        return runner.change(target(decisionId), body, new SupersedeDecision(new DecisionId(decisionId),
                IfMatch.parse(ifMatch), new DecisionId(body.supersededBy()),
                successor.status == DecisionStatus.IN_EFFECT, body.reason(), Actors.of(caller),
                when(body.effectiveAt())));
    }

    @Operation(summary = "Reverse a decision, with the reason")
    @PostMapping("/{decisionId}/reversal")
    ResponseEntity<CommandResult> reverse(Caller caller, @PathVariable String decisionId,
                                          @Valid @RequestBody ReasonRequest body,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(decisionId), body, new ReverseDecision(new DecisionId(decisionId),
                IfMatch.parse(ifMatch), body.reason(), Actors.of(caller), when(body.effectiveAt())));
    }

    private BusinessTime when(Instant effectiveAt) {
        return BusinessTime.of(effectiveAt, clock);
    }

    private static Target target(String decisionId) {
        return Target.of(DecisionViewFold.KIND, decisionId);
    }

    private ViewStore.Stored<DecisionView> decision(String engagementId, String decisionId) {
        return views.findIn(DecisionViewFold.KIND, decisionId, engagementId, DecisionView.class);
    }
}
