package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.engagement.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;

/** Commands that record delivery facts. */
public final class DeliveryCommands {
    private DeliveryCommands() {
    }

    public record StartWorkItem(@TargetAggregateIdentifier String workItemId, String engagementId, String title,
                                String workstreamId, Instant startedAt, Actor actor) {
    }

    public record DeliverWorkItem(@TargetAggregateIdentifier String workItemId,
                                  @TargetAggregateVersion Long expectedVersion, Instant deliveredAt, Actor actor) {
    }

    public record ReopenWorkItem(@TargetAggregateIdentifier String workItemId,
                                 @TargetAggregateVersion Long expectedVersion, Instant reopenedAt, String reason,
                                 Actor actor) {
    }

    public record PlanRelease(@TargetAggregateIdentifier String releaseId, String engagementId, String name,
                              LocalDate plannedFor, Actor actor) {
    }

    public record ShipRelease(@TargetAggregateIdentifier String releaseId,
                              @TargetAggregateVersion Long expectedVersion, LocalDate shippedOn, Actor actor) {
    }

    public record RecordDefect(@TargetAggregateIdentifier String defectId, String engagementId, DefectStage stage,
                               Severity severity, Instant foundAt, String workItemId, String releaseId,
                               String description, Actor actor) {
    }

    public record RateSatisfaction(@TargetAggregateIdentifier String ratingId, String engagementId,
                                   String stakeholder, int rating, LocalDate ratedOn, String comment, Actor actor) {
    }
}
