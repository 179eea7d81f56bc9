package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.EngagementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;

/** Commands that record delivery facts. */
final class DeliveryCommands {
    private DeliveryCommands() {
    }

    public record StartWorkItem(@TargetAggregateIdentifier WorkItemId workItemId, EngagementId engagementId, String title,
                                String workstreamId, Instant startedAt, Actor actor) {
    }

    public record DeliverWorkItem(@TargetAggregateIdentifier WorkItemId workItemId,
                                  @TargetAggregateVersion Long expectedVersion, Instant deliveredAt, Actor actor) {
    }

    public record ReopenWorkItem(@TargetAggregateIdentifier WorkItemId workItemId,
                                 @TargetAggregateVersion Long expectedVersion, Instant reopenedAt, String reason,
                                 Actor actor) {
    }

    public record PlanRelease(@TargetAggregateIdentifier ReleaseId releaseId, EngagementId engagementId, String name,
                              LocalDate plannedFor, Actor actor) {
    }

    public record ShipRelease(@TargetAggregateIdentifier ReleaseId releaseId,
                              @TargetAggregateVersion Long expectedVersion, LocalDate shippedOn, Actor actor) {
    }

    public record RecordDefect(@TargetAggregateIdentifier DefectId defectId, EngagementId engagementId, DefectStage stage,
                               Severity severity, Instant foundAt, WorkItemId workItemId, ReleaseId releaseId,
                               String description, Actor actor) {
    }

    public record RateSatisfaction(@TargetAggregateIdentifier RatingId ratingId, EngagementId engagementId,
                                   String stakeholder, int rating, LocalDate ratedOn, String comment, Actor actor) {
    }
}
