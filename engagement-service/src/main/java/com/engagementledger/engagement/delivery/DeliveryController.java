package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.delivery.DeliveryCommands.DeliverWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.PlanRelease;
import com.engagementledger.engagement.delivery.DeliveryCommands.RateSatisfaction;
import com.engagementledger.engagement.delivery.DeliveryCommands.RecordDefect;
import com.engagementledger.engagement.delivery.DeliveryCommands.ReopenWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.ShipRelease;
import com.engagementledger.engagement.delivery.DeliveryCommands.StartWorkItem;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.engagement.security.Actors;
import com.engagementledger.engagement.view.ViewStore;
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

import java.time.Instant;
import java.time.LocalDate;

/** Delivery facts: work items, releases, defects and stakeholder satisfaction. */
@RestController
@RequestMapping("/engagements/{engagementId}")
class DeliveryController {
    private final CommandRunner runner;
    private final ViewStore views;
    private final Engagements engagements;
    private final int maxPageSize;

    DeliveryController(CommandRunner runner, ViewStore views, Engagements engagements,
                       @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.runner = runner;
        this.views = views;
        this.engagements = engagements;
        this.maxPageSize = maxPageSize;
    }

    record StartRequest(@NotBlank @Size(max = 500) @SafeText String title, @Size(max = 64) String workstreamId,
                        @NotNull @Plausible Instant startedAt) {
    }

    record DeliverRequest(@NotNull @Plausible Instant deliveredAt) {
    }

    record ReopenRequest(@NotNull @Plausible Instant reopenedAt, @Size(max = 2000) @SafeText String reason) {
    }

    record PlanRequest(@NotBlank @Size(max = 200) @SafeText String name, @NotNull LocalDate plannedFor) {
    }

    record ShipRequest(@NotNull @Plausible LocalDate shippedOn) {
    }

    record DefectRequest(@NotNull DefectStage stage, @NotNull Severity severity, @NotNull @Plausible Instant foundAt,
                         @Size(max = 64) String workItemId, @Size(max = 64) String releaseId,
                         @Size(max = 5000) @SafeText String description) {
    }

    record RatingRequest(@NotBlank @Size(max = 200) @SafeText String stakeholder,
                         @NotNull @Min(1) @Max(5) Integer rating, @NotNull @Plausible LocalDate ratedOn,
                         @Size(max = 5000) @SafeText String comment) {
    }

    @Operation(summary = "Start a work item")
    @PostMapping("/work-items")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> start(Caller caller, @PathVariable String engagementId,
                                        @Valid @RequestBody StartRequest body) {
        if (body.workstreamId() != null) {
            engagements.requireWorkstream(engagementId, "workstreamId", body.workstreamId());
        }
        WorkItemId id = WorkItemId.newId();
        return runner.create(workItem(id.value()), body, new StartWorkItem(id, new EngagementId(engagementId),
                body.title(), body.workstreamId(), body.startedAt(), Actors.of(caller)));
    }

    @Operation(summary = "Record a work item's delivery")
    @PostMapping("/work-items/{workItemId}/delivery")
    ResponseEntity<CommandResult> deliver(Caller caller, @PathVariable String workItemId,
                                          @Valid @RequestBody DeliverRequest body,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(workItem(workItemId), body, new DeliverWorkItem(new WorkItemId(workItemId),
                IfMatch.parse(ifMatch), body.deliveredAt(), Actors.of(caller)));
    }

    @Operation(summary = "Reopen a delivered work item")
    @PostMapping("/work-items/{workItemId}/reopening")
    ResponseEntity<CommandResult> reopen(Caller caller, @PathVariable String workItemId,
                                         @Valid @RequestBody ReopenRequest body,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(workItem(workItemId), body, new ReopenWorkItem(new WorkItemId(workItemId),
                IfMatch.parse(ifMatch), body.reopenedAt(), body.reason(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's work items")
    @GetMapping("/work-items")
    Page<WorkItemView> workItems(@PathVariable String engagementId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, DeliveryViewFolds.WORK_ITEM, engagementId, status, WorkItemView.class, page,
                size, maxPageSize);
    }

    @Operation(summary = "Read one work item")
    @GetMapping("/work-items/{workItemId}")
    ResponseEntity<WorkItemView> getWorkItem(@PathVariable String engagementId, @PathVariable String workItemId) {
        return etagged(views.findIn(DeliveryViewFolds.WORK_ITEM, workItemId, engagementId, WorkItemView.class));
    }

    @Operation(summary = "Plan a release")
    @PostMapping("/releases")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> plan(Caller caller, @PathVariable String engagementId,
                                       @Valid @RequestBody PlanRequest body) {
        ReleaseId id = ReleaseId.newId();
        return runner.create(release(id.value()), body, new PlanRelease(id, new EngagementId(engagementId),
                body.name(), body.plannedFor(), Actors.of(caller)));
    }

    @Operation(summary = "Record a release's shipment")
    @PostMapping("/releases/{releaseId}/shipment")
    ResponseEntity<CommandResult> ship(Caller caller, @PathVariable String releaseId,
                                       @Valid @RequestBody ShipRequest body,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return runner.change(release(releaseId), body, new ShipRelease(new ReleaseId(releaseId),
                IfMatch.parse(ifMatch), body.shippedOn(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's releases")
    @GetMapping("/releases")
    Page<ReleaseView> releases(@PathVariable String engagementId,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, DeliveryViewFolds.RELEASE, engagementId, status, ReleaseView.class, page, size,
                maxPageSize);
    }

    @Operation(summary = "Read one release")
    @GetMapping("/releases/{releaseId}")
    ResponseEntity<ReleaseView> getRelease(@PathVariable String engagementId, @PathVariable String releaseId) {
        return etagged(views.findIn(DeliveryViewFolds.RELEASE, releaseId, engagementId, ReleaseView.class));
    }

    @Operation(summary = "Record a defect found")
    @PostMapping("/defects")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> defect(Caller caller, @PathVariable String engagementId,
                                         @Valid @RequestBody DefectRequest body) {
        if (body.workItemId() != null) {
            views.requireIn(DeliveryViewFolds.WORK_ITEM, body.workItemId(), engagementId);
        }
        if (body.releaseId() != null) {
            views.requireIn(DeliveryViewFolds.RELEASE, body.releaseId(), engagementId);
        }
        DefectId id = DefectId.newId();
        return runner.create(Target.of(DeliveryViewFolds.DEFECT, id.value()), body,
                new RecordDefect(id, new EngagementId(engagementId), body.stage(), body.severity(), body.foundAt(),
                        WorkItemId.orNull(body.workItemId()), ReleaseId.orNull(body.releaseId()),
                        body.description(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's defects")
    @GetMapping("/defects")
    Page<DefectFound> defects(@PathVariable String engagementId, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, DeliveryViewFolds.DEFECT, engagementId, null, DefectFound.class, page, size,
                maxPageSize);
    }

    @Operation(summary = "Read one defect")
    @GetMapping("/defects/{defectId}")
    DefectFound getDefect(@PathVariable String engagementId, @PathVariable String defectId) {
        return views.findIn(DeliveryViewFolds.DEFECT, defectId, engagementId, DefectFound.class).state();
    }

    @Operation(summary = "Record a client stakeholder's satisfaction rating (1 to 5)")
    @PostMapping("/satisfaction-ratings")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommandResult> rate(Caller caller, @PathVariable String engagementId,
                                       @Valid @RequestBody RatingRequest body) {
        RatingId id = RatingId.newId();
        return runner.create(Target.of(DeliveryViewFolds.RATING, id.value()), body,
                new RateSatisfaction(id, new EngagementId(engagementId), body.stakeholder(), body.rating(),
                        body.ratedOn(), body.comment(), Actors.of(caller)));
    }

    @Operation(summary = "List the engagement's satisfaction ratings")
    @GetMapping("/satisfaction-ratings")
    Page<SatisfactionRated> ratings(@PathVariable String engagementId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return ListQuery.page(views, DeliveryViewFolds.RATING, engagementId, null, SatisfactionRated.class, page,
                size, maxPageSize);
    }

    private static Target workItem(String workItemId) {
        return Target.of(DeliveryViewFolds.WORK_ITEM, workItemId);
    }

    private static Target release(String releaseId) {
        return Target.of(DeliveryViewFolds.RELEASE, releaseId);
    }

    private static <V> ResponseEntity<V> etagged(ViewStore.Stored<V> stored) {
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(stored.state());
    }
}
