package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/** A decision as GET returns it, with who proposed, accepted, approved, superseded or reversed it. */
public class DecisionView {
    public String decisionId;
    public String engagementId;
    public String title;
    public DecisionCategory category;
    public String context;
    public String decision;
    @Nullable
    public String consequences;
    public List<String> alternatives;
    public Reversibility reversibility;
    @Nullable
    public String supersedes;
    public DecisionStatus status;
    public Step proposed;
    @Nullable
    public Step accepted;
    @Nullable
    public Step approved;
    @Nullable
    public Step superseded;
    @Nullable
    public String supersededBy;
    @Nullable
    public Step reversed;
    @Nullable
    public String reason;

    /** One step of the decision's life: who, for which side, when it happened (business time), when recorded. */
    public record Step(String by, Side side, Instant at, Instant recordedAt) {
    }
}
