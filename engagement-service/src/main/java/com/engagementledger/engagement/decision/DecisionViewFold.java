package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.DecisionEvents.DecisionReversedV2;
import com.engagementledger.contract.DecisionEvents.DecisionSupersededV2;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.decision.DecisionView.Step;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Folds the decision family's events into {@link DecisionView}. A step shows when it happened (the event's
 * effectiveAt) beside when the ledger recorded it.
 */
@Component
public class DecisionViewFold implements ViewFold<DecisionView> {
    public static final String KIND = "decision";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<DecisionView> type() {
        return DecisionView.class;
    }

    @Override
    public Optional<String> idOf(LedgerEvent event) {
        if (event instanceof DecisionProposedV2 e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionAcceptedV2 e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionApprovedV2 e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionSupersededV2 e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionReversedV2 e) {
            return Optional.of(e.decisionId());
        }
        return Optional.empty();
    }

    @Override
    public DecisionView apply(DecisionView view, LedgerEvent event, EventContext context) {
        if (event instanceof DecisionProposedV2 e) {
            view = new DecisionView();
            view.decisionId = e.decisionId();
            view.engagementId = e.engagementId();
            view.title = e.title();
            view.category = e.category();
            view.context = e.context();
            view.decision = e.decision();
            view.consequences = e.consequences();
            view.alternatives = e.alternatives();
            view.reversibility = e.reversibility();
            view.supersedes = e.supersedes();
            view.status = DecisionStatus.PROPOSED;
            view.proposed = new Step(e.proposedBy(), e.proposedBySide(), e.effectiveAt(), context.recordedAt());
        } else if (event instanceof DecisionAcceptedV2 e) {
            view.accepted = new Step(e.acceptedBy(), e.acceptedBySide(), e.effectiveAt(), context.recordedAt());
            view.status = e.inEffect() ? DecisionStatus.IN_EFFECT : DecisionStatus.AWAITING_SECOND_APPROVAL;
        } else if (event instanceof DecisionApprovedV2 e) {
            view.approved = new Step(e.approvedBy(), e.approvedBySide(), e.effectiveAt(), context.recordedAt());
            view.status = DecisionStatus.IN_EFFECT;
        } else if (event instanceof DecisionSupersededV2 e) {
            view.superseded = new Step(e.recordedBy(), e.recordedBySide(), e.effectiveAt(), context.recordedAt());
            view.supersededBy = e.supersededBy();
            view.reason = e.reason();
            view.status = DecisionStatus.SUPERSEDED;
        } else if (event instanceof DecisionReversedV2 e) {
            view.reversed = new Step(e.reversedBy(), e.reversedBySide(), e.effectiveAt(), context.recordedAt());
            view.reason = e.reason();
            view.status = DecisionStatus.REVERSED;
        }
        return view;
    }
}
