package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.engagement.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Commands of the Decision aggregate. */
public final class DecisionCommands {
    private DecisionCommands() {
    }

    public record ProposeDecision(@TargetAggregateIdentifier String decisionId, String engagementId, String title,
                                  DecisionCategory category, String context, String decision, String consequences,
                                  List<String> alternatives, Reversibility reversibility, String supersedes,
                                  Actor actor) {
    }

    public record AcceptDecision(@TargetAggregateIdentifier String decisionId,
                                 @TargetAggregateVersion Long expectedVersion, Actor actor) {
    }

    /** The second, different approver an IRREVERSIBLE decision needs before it takes effect. */
    public record ApproveDecision(@TargetAggregateIdentifier String decisionId,
                                  @TargetAggregateVersion Long expectedVersion, Actor actor) {
    }

    public record SupersedeDecision(@TargetAggregateIdentifier String decisionId,
                                    @TargetAggregateVersion Long expectedVersion, String supersededBy, String reason,
                                    Actor actor) {
    }

    public record ReverseDecision(@TargetAggregateIdentifier String decisionId,
                                  @TargetAggregateVersion Long expectedVersion, String reason, Actor actor) {
    }
}
