package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * Commands of the Decision aggregate. {@code when}: the step's business time and the clock's now;
 * {@code engagementStartsAt}: the first moment of the engagement, which no decision precedes.
 */
final class DecisionCommands {
    private DecisionCommands() {
    }

    public record ProposeDecision(@TargetAggregateIdentifier DecisionId decisionId, EngagementId engagementId, String title,
                                  DecisionCategory category, String context, String decision, String consequences,
                                  List<String> alternatives, Reversibility reversibility, DecisionId supersedes,
                                  Actor actor, BusinessTime when, Instant engagementStartsAt) {
    }

    public record AcceptDecision(@TargetAggregateIdentifier DecisionId decisionId,
                                 @TargetAggregateVersion Long expectedVersion, Actor actor, BusinessTime when) {
    }

    /** The second, different approver an IRREVERSIBLE decision needs before it takes effect. */
    public record ApproveDecision(@TargetAggregateIdentifier DecisionId decisionId,
                                  @TargetAggregateVersion Long expectedVersion, Actor actor, BusinessTime when) {
    }

    /** {@code successorInEffect}: only a decision in effect can take the place of another. */
    public record SupersedeDecision(@TargetAggregateIdentifier DecisionId decisionId,
                                    @TargetAggregateVersion Long expectedVersion, DecisionId supersededBy,
                                    boolean successorInEffect, String reason, Actor actor, BusinessTime when) {
    }

    public record ReverseDecision(@TargetAggregateIdentifier DecisionId decisionId,
                                  @TargetAggregateVersion Long expectedVersion, String reason, Actor actor,
                                  BusinessTime when) {
    }
}
