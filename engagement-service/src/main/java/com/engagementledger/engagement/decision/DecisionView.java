package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;

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
    public String consequences;
    public List<String> alternatives;
    public Reversibility reversibility;
    public String supersedes;
    public DecisionStatus status;
    public Step proposed;
    public Step accepted;
    public Step approved;
    public Step superseded;
    public String supersededBy;
    public Step reversed;
    public String reason;

    /** One step of the decision's life: who, for which side, when it happened (business time), when recorded. */
    public record Step(String by, Side side, Instant at, Instant recordedAt) {
    }
}
