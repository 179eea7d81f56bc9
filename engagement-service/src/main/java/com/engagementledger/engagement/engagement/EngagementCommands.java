package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.EscalationLevel;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Commands of the Engagement aggregate. expectedVersion comes from If-Match; null means "any version". {@code when}:
 * the change's business time (the request's effectiveAt, or now) and the clock's now.
 */
public final class EngagementCommands {
    private EngagementCommands() {
    }

    public record OpenEngagement(@TargetAggregateIdentifier EngagementId engagementId, String name, String clientName,
                                 String partnerName, EngagementModel model, ManagementStructure managementStructure,
                                 ContractType contractType, String clientTimeZone, String partnerTimeZone,
                                 LocalTime overlapStart, LocalTime overlapEnd, CoveragePattern coveragePattern,
                                 LocalDate startDate, Actor actor) {
    }

    public record ChangeCoverage(@TargetAggregateIdentifier EngagementId engagementId,
                                 @TargetAggregateVersion Long expectedVersion, CoveragePattern coveragePattern,
                                 LocalTime overlapStart, LocalTime overlapEnd, String reason, Actor actor,
                                 BusinessTime when) {
    }

    public record PauseEngagement(@TargetAggregateIdentifier EngagementId engagementId,
                                  @TargetAggregateVersion Long expectedVersion, String reason, Actor actor,
                                  BusinessTime when) {
    }

    public record ResumeEngagement(@TargetAggregateIdentifier EngagementId engagementId,
                                   @TargetAggregateVersion Long expectedVersion, String reason, Actor actor,
                                   BusinessTime when) {
    }

    public record CloseEngagement(@TargetAggregateIdentifier EngagementId engagementId,
                                  @TargetAggregateVersion Long expectedVersion, String reason, Actor actor,
                                  BusinessTime when) {
    }

    public record TransferWorkstream(@TargetAggregateIdentifier EngagementId engagementId,
                                     @TargetAggregateVersion Long expectedVersion, String workstreamId, String name,
                                     WorkType workType, Set<TransferCondition> confirmedConditions, Actor actor,
                                     BusinessTime when) {
    }

    public record AssignOwnership(@TargetAggregateIdentifier EngagementId engagementId,
                                  @TargetAggregateVersion Long expectedVersion, OwnershipArea area, String ownerId,
                                  String ownerName, Side ownerSide, String reason, Actor actor,
                                  BusinessTime when) {
    }

    public record RevokeOwnership(@TargetAggregateIdentifier EngagementId engagementId,
                                  @TargetAggregateVersion Long expectedVersion, OwnershipArea area, String reason,
                                  Actor actor, BusinessTime when) {
    }

    public record RecordGovernanceReview(@TargetAggregateIdentifier EngagementId engagementId,
                                         @TargetAggregateVersion Long expectedVersion, String reviewId,
                                         ReviewKind kind, LocalDate heldOn, List<String> attendees,
                                         List<String> outcomes, Actor actor) {
    }

    public record DefineEscalationPath(@TargetAggregateIdentifier EngagementId engagementId,
                                       @TargetAggregateVersion Long expectedVersion, List<EscalationLevel> levels,
                                       Actor actor, BusinessTime when) {
    }
}
