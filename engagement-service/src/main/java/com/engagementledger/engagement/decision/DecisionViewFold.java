package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents;
import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.DecisionEvents.DecisionSuperseded;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.decision.DecisionView.Step;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Folds the decision family's events into {@link DecisionView}. */
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
        if (event instanceof DecisionProposed e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionAccepted e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionApproved e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionSuperseded e) {
            return Optional.of(e.decisionId());
        } else if (event instanceof DecisionReversed e) {
            return Optional.of(e.decisionId());
        }
        return Optional.empty();
    }

    @Override
    public DecisionView apply(DecisionView view, LedgerEvent event, EventContext context) {
        if (event instanceof DecisionProposed e) {
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
            view.proposed = new Step(e.proposedBy(), e.proposedBySide(), context.recordedAt());
        } else if (event instanceof DecisionAccepted e) {
            view.accepted = new Step(e.acceptedBy(), e.acceptedBySide(), context.recordedAt());
            view.status = e.inEffect() ? DecisionStatus.IN_EFFECT : DecisionStatus.AWAITING_SECOND_APPROVAL;
        } else if (event instanceof DecisionApproved e) {
            view.approved = new Step(e.approvedBy(), e.approvedBySide(), context.recordedAt());
            view.status = DecisionStatus.IN_EFFECT;
        } else if (event instanceof DecisionSuperseded e) {
            view.superseded = new Step(e.recordedBy(), e.recordedBySide(), context.recordedAt());
            view.supersededBy = e.supersededBy();
            view.reason = e.reason();
            view.status = DecisionStatus.SUPERSEDED;
        } else if (event instanceof DecisionReversed e) {
            view.reversed = new Step(e.reversedBy(), e.reversedBySide(), context.recordedAt());
            view.reason = e.reason();
            view.status = DecisionStatus.REVERSED;
        }
        return view;
    }
}
