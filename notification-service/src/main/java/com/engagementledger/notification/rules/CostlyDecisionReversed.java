package com.engagementledger.notification.rules;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.DecisionEvents.DecisionReversedV2;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@value RuleNames#COSTLY_DECISION_REVERSED}, subject: the reversed decision.
 * <ul>
 * <li>reacts to: DecisionReversed, DecisionProposed (a successor), DecisionAccepted (in effect), DecisionApproved</li>
 * <li>keeps: which decision supersedes which</li>
 * <li>raises: at once when a COSTLY (WARNING) or IRREVERSIBLE (CRITICAL) decision is reversed</li>
 * <li>resolves: when a decision that supersedes the reversed one takes effect (accepted in effect, or approved)</li>
 * </ul>
 */
@Component
class CostlyDecisionReversed implements GovernanceRule {
    private final DecisionSuccessors successors;
    private final Alerts alerts;

    CostlyDecisionReversed(DecisionSuccessors successors, Alerts alerts) {
        this.successors = successors;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return RuleNames.COSTLY_DECISION_REVERSED;
    }

    @Override
    public Reactions reactions() {
        return new Reactions()
                .on(DecisionReversedV2.class, this::reversed)
                .on(DecisionProposedV2.class, this::proposed)
                .on(DecisionAcceptedV2.class, (e, cause) -> {
                    if (e.inEffect()) {
                        inEffect(EngagementId.of(e), new DecisionId(e.decisionId()), cause);
                    }
                })
                .on(DecisionApprovedV2.class, (e, cause) ->
                        inEffect(EngagementId.of(e), new DecisionId(e.decisionId()), cause));
    }

    private void reversed(DecisionReversedV2 e, EventId cause) {
        severity(e.reversibility()).ifPresent(severity -> alerts.open(
                condition(EngagementId.of(e), new DecisionId(e.decisionId())), severity,
                e.reversibility() + " " + e.category() + " decision " + e.decisionId() + " reversed by "
                        + e.reversedBy() + " (" + e.reversedBySide() + "): " + e.reason(), cause.asCauses()));
    }

    private void proposed(DecisionProposedV2 e, EventId cause) {
        if (e.supersedes() != null && !e.supersedes().isBlank()) {
            successors.recordSuccessor(EngagementId.of(e), new DecisionId(e.decisionId()),
                    new DecisionId(e.supersedes()));
        }
    }

    /** A successor took effect: the reversal is documented and replaced. */
    private void inEffect(EngagementId engagement, DecisionId successor, EventId cause) {
        successors.supersededBy(engagement, successor).ifPresent(reversed -> alerts.clear(
                condition(engagement, reversed), cause.value(), "superseded by decision " + successor.value()));
    }

    /** Empty for a REVERSIBLE decision: reversing it is what reversible means. */
    static Optional<AlertSeverity> severity(Reversibility reversibility) {
        return switch (reversibility) {
            case REVERSIBLE -> Optional.empty();
            case COSTLY -> Optional.of(AlertSeverity.WARNING);
            case IRREVERSIBLE -> Optional.of(AlertSeverity.CRITICAL);
        };
    }

    static AlertCondition condition(EngagementId engagement, DecisionId decision) {
        return new AlertCondition(RuleNames.COSTLY_DECISION_REVERSED, engagement.value(), decision.value());
    }
}
