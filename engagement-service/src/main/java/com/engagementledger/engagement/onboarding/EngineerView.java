package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** An engineer's onboarding as GET returns it. status is ON_ENGAGEMENT or LEFT. */
public class EngineerView {
    public String engineerId;
    public String engagementId;
    public String name;
    public Side side;
    public String role;
    public LocalDate joinedOn;
    public OnboardingPhase phase;
    public Map<OnboardingPhase, LocalDate> phaseReachedOn = new LinkedHashMap<>();
    public Map<OnboardingMilestone, LocalDate> milestones = new LinkedHashMap<>();
    public Integer knowledgeTransferScore;
    public LocalDate knowledgeTransferAssessedOn;
    public String status;
    public LocalDate leftOn;
    public String leftReason;
}
