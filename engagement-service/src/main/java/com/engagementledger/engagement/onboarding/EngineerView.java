package com.engagementledger.engagement.onboarding;

import com.engagementledger.contract.Enums.OnboardingMilestone;
import com.engagementledger.contract.Enums.OnboardingPhase;
import com.engagementledger.contract.Enums.Side;
import org.springframework.lang.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** An engineer's onboarding as GET returns it. status is ON_ENGAGEMENT or LEFT. */
public class EngineerView {
    public String engineerId;
    public String engagementId;
    public String name;
    public Side side;
    @Nullable
    public String role;
    public LocalDate joinedOn;
    public OnboardingPhase phase;
    public Map<OnboardingPhase, LocalDate> phaseReachedOn = new LinkedHashMap<>();
    public Map<OnboardingMilestone, LocalDate> milestones = new LinkedHashMap<>();
    @Nullable
    public Integer knowledgeTransferScore;
    @Nullable
    public LocalDate knowledgeTransferAssessedOn;
    public String status;
    @Nullable
    public LocalDate leftOn;
    @Nullable
    public String leftReason;
}
