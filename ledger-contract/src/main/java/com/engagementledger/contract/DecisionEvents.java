package com.engagementledger.contract;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;

import java.time.Instant;
import java.util.List;

/**
 * Architecture-decision-record style entries. A decision is never edited or deleted: it is superseded or reversed.
 * Who proposed, accepted and approved is part of the fact, taken from the token of the caller.
 * <p>
 * Version 2 of each type adds {@code effectiveAt}, when the step happened (business time), which may be earlier than
 * when the ledger recorded it. Version 1 stays for stored events and older messages; {@link EventVersions} lifts it
 * (its effectiveAt is the moment it was recorded).
 */
public final class DecisionEvents {
    private DecisionEvents() {
    }

    @EventType("ledger.decision.proposed.v1")
    public record DecisionProposed(String engagementId, String decisionId, String title, DecisionCategory category,
                                   String context, String decision, String consequences, List<String> alternatives,
                                   Reversibility reversibility, String supersedes, String proposedBy,
                                   Side proposedBySide) implements LedgerEvent {
    }

    /** inEffect is false for an IRREVERSIBLE decision, which waits for a second, different approver. */
    @EventType("ledger.decision.accepted.v1")
    public record DecisionAccepted(String engagementId, String decisionId, DecisionCategory category,
                                   Reversibility reversibility, String acceptedBy, Side acceptedBySide,
                                   boolean inEffect) implements LedgerEvent {
    }

    @EventType("ledger.decision.approved.v1")
    public record DecisionApproved(String engagementId, String decisionId, String approvedBy, Side approvedBySide)
            implements LedgerEvent {
    }

    @EventType("ledger.decision.superseded.v1")
    public record DecisionSuperseded(String engagementId, String decisionId, String supersededBy, String reason,
                                     String recordedBy, Side recordedBySide) implements LedgerEvent {
    }

    @EventType("ledger.decision.reversed.v1")
    public record DecisionReversed(String engagementId, String decisionId, DecisionCategory category,
                                   Reversibility reversibility, String reason, String reversedBy,
                                   Side reversedBySide) implements LedgerEvent {
    }

    @EventType("ledger.decision.proposed.v2")
    public record DecisionProposedV2(String engagementId, String decisionId, String title, DecisionCategory category,
                                     String context, String decision, String consequences, List<String> alternatives,
                                     Reversibility reversibility, String supersedes, String proposedBy,
                                     Side proposedBySide, Instant effectiveAt) implements LedgerEvent {
    }

    /** inEffect is false for an IRREVERSIBLE decision, which waits for a second, different approver. */
    @EventType("ledger.decision.accepted.v2")
    public record DecisionAcceptedV2(String engagementId, String decisionId, DecisionCategory category,
                                     Reversibility reversibility, String acceptedBy, Side acceptedBySide,
                                     boolean inEffect, Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.decision.approved.v2")
    public record DecisionApprovedV2(String engagementId, String decisionId, String approvedBy, Side approvedBySide,
                                     Instant effectiveAt) implements LedgerEvent {
    }

    @EventType("ledger.decision.superseded.v2")
    public record DecisionSupersededV2(String engagementId, String decisionId, String supersededBy, String reason,
                                       String recordedBy, Side recordedBySide, Instant effectiveAt)
            implements LedgerEvent {
    }

    @EventType("ledger.decision.reversed.v2")
    public record DecisionReversedV2(String engagementId, String decisionId, DecisionCategory category,
                                     Reversibility reversibility, String reason, String reversedBy,
                                     Side reversedBySide, Instant effectiveAt) implements LedgerEvent {
    }
}
