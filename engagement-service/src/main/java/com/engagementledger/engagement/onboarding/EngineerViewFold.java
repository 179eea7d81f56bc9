package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Folds the onboarding family's events into {@link EngineerView}. */
@Component
public class EngineerViewFold implements ViewFold<EngineerView> {
    public static final String KIND = "engineer";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<EngineerView> type() {
        return EngineerView.class;
    }

    @Override
    public Optional<String> idOf(LedgerEvent event) {
        if (event instanceof EngineerJoined e) {
            return Optional.of(e.engineerId());
        } else if (event instanceof OnboardingPhaseAdvanced e) {
            return Optional.of(e.engineerId());
        } else if (event instanceof OnboardingMilestoneReached e) {
            return Optional.of(e.engineerId());
        } else if (event instanceof KnowledgeTransferAssessed e) {
            return Optional.of(e.engineerId());
        } else if (event instanceof EngineerLeft e) {
            return Optional.of(e.engineerId());
        }
        return Optional.empty();
    }

    @Override
    public EngineerView apply(EngineerView view, LedgerEvent event, EventContext context) {
        if (event instanceof EngineerJoined e) {
            view = new EngineerView();
            view.engineerId = e.engineerId();
            view.engagementId = e.engagementId();
            view.name = e.name();
            view.side = e.side();
            view.role = e.role();
            view.joinedOn = e.joinedOn();
            view.phase = OnboardingPhase.OBSERVATION;
            view.phaseReachedOn.put(OnboardingPhase.OBSERVATION, e.joinedOn());
            view.status = "ON_ENGAGEMENT";
        } else if (event instanceof OnboardingPhaseAdvanced e) {
            view.phase = e.toPhase();
            view.phaseReachedOn.put(e.toPhase(), e.advancedOn());
        } else if (event instanceof OnboardingMilestoneReached e) {
            view.milestones.put(e.milestone(), e.reachedOn());
        } else if (event instanceof KnowledgeTransferAssessed e) {
            view.knowledgeTransferScore = e.score();
            view.knowledgeTransferAssessedOn = e.assessedOn();
        } else if (event instanceof EngineerLeft e) {
            view.status = "LEFT";
            view.leftOn = e.leftOn();
            view.leftReason = e.reason();
        }
        return view;
    }
}
