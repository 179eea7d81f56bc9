package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.engagement.EngagementView;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AdvancePhase;
import com.engagementledger.engagement.onboarding.OnboardingCommands.AssessKnowledgeTransfer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.JoinEngineer;
import com.engagementledger.engagement.onboarding.OnboardingCommands.LeaveEngagement;
import com.engagementledger.engagement.onboarding.OnboardingCommands.ReachMilestone;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.time.LocalDate;

/** Engineers joining an engagement and their onboarding. */
@RestController
@RequestMapping("/engagements/{engagementId}/engineers")
class OnboardingController {
    private final CommandRunner runner;
    private final Engagements engagements;
    private final ViewStore views;
    private final int maxPageSize;

    OnboardingController(CommandRunner runner, Engagements engagements, ViewStore views,
                         @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.engagements = engagements;
        this.views = views;
        this.maxPageSize = maxPageSize;
    }

    record JoinRequest(@NotBlank @Size(max = 200) @SafeText String name, @NotNull Side side,
                       @Size(max = 200) @SafeText String role, @NotNull @Plausible LocalDate joinedOn) {
    }

    record PhaseRequest(@NotNull OnboardingPhase toPhase, @NotNull @Plausible LocalDate advancedOn) {
    }

    record MilestoneRequest(@NotNull OnboardingMilestone milestone, @NotNull @Plausible LocalDate reachedOn) {
    }

    record AssessmentRequest(@NotNull @Min(1) @Max(5) Integer score, @NotNull @Plausible LocalDate assessedOn,
                             @Size(max = 5000) @SafeText String notes) {
    }

    record DepartureRequest(@NotNull @Plausible LocalDate leftOn, @Size(max = 2000) @SafeText String reason) {
    }

    @Operation(summary = "Onboard an engineer onto the engagement")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> join(Caller caller, @PathVariable String engagementId,
                                       @Valid @RequestBody JoinRequest body) {
        EngagementView engagement = engagements.find(engagementId).state();
        EngineerId id = EngineerId.newId();
        return runner.create(target(id.value()), body, new JoinEngineer(id, new EngagementId(engagementId),
                engagement.startDate, body.name(), body.side(), body.role(), body.joinedOn(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's engineers")
    @Parameter(name = AsOfParameter.NAME, in = ParameterIn.QUERY, description = AsOfParameter.DESCRIPTION,
            schema = @Schema(type = "string", format = "date-time"))
    @GetMapping
    Page<EngineerView> list(@PathVariable String engagementId, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, EngineerViewFold.KIND, engagementId, status, EngineerView.class, page, size,
                maxPageSize);
    }

    @Operation(summary = "Read one engineer's onboarding")
    @GetMapping("/{engineerId}")
    ResponseEntity<EngineerView> get(@PathVariable String engagementId, @PathVariable String engineerId) {
        ViewStore.Stored<EngineerView> stored = views.findIn(EngineerViewFold.KIND, engineerId, engagementId,
                EngineerView.class);
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }

    @Operation(summary = "Advance an engineer to the next onboarding phase")
    @PostMapping("/{engineerId}/phase")
    ResponseEntity<CommandResult> advance(Caller caller, @PathVariable String engineerId,
                                          @Valid @RequestBody PhaseRequest body,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engineerId), body, new AdvancePhase(new EngineerId(engineerId),
                IfMatch.parse(ifMatch), body.toPhase(), body.advancedOn(), Actors.of(caller)));
    }

    @Operation(summary = "Record an onboarding milestone reached")
    @PostMapping("/{engineerId}/milestones")
    ResponseEntity<CommandResult> milestone(Caller caller, @PathVariable String engineerId,
                                            @Valid @RequestBody MilestoneRequest body,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engineerId), body, new ReachMilestone(new EngineerId(engineerId),
                IfMatch.parse(ifMatch), body.milestone(), body.reachedOn(), Actors.of(caller)));
    }

    @Operation(summary = "Record a knowledge-transfer assessment")
    @PostMapping("/{engineerId}/knowledge-transfer-assessment")
    ResponseEntity<CommandResult> assess(Caller caller, @PathVariable String engineerId,
                                         @Valid @RequestBody AssessmentRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engineerId), body, new AssessKnowledgeTransfer(new EngineerId(engineerId),
                IfMatch.parse(ifMatch), body.score(), body.assessedOn(), body.notes(), Actors.of(caller)));
    }

    @Operation(summary = "Record an engineer's departure")
    @PostMapping("/{engineerId}/departure")
    ResponseEntity<CommandResult> leave(Caller caller, @PathVariable String engineerId,
                                        @Valid @RequestBody DepartureRequest body,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(target(engineerId), body, new LeaveEngagement(new EngineerId(engineerId),
                IfMatch.parse(ifMatch), body.leftOn(), body.reason(), Actors.of(caller)));
    }

    private static Target target(String engineerId) {
        return Target.of(EngineerViewFold.KIND, engineerId);
    }
}
