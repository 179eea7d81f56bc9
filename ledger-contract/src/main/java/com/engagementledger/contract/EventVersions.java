package com.engagementledger.contract;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionProposedV2;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.DecisionEvents.DecisionReversedV2;
import com.engagementledger.contract.DecisionEvents.DecisionSuperseded;
import com.engagementledger.contract.DecisionEvents.DecisionSupersededV2;
import com.engagementledger.contract.EngagementEvents.CoverageChanged;
import com.engagementledger.contract.EngagementEvents.CoverageChangedV2;
import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementClosedV2;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.EngagementEvents.EngagementPausedV2;
import com.engagementledger.contract.EngagementEvents.EngagementResumed;
import com.engagementledger.contract.EngagementEvents.EngagementResumedV2;
import com.engagementledger.contract.EngagementEvents.EscalationPathDefined;
import com.engagementledger.contract.EngagementEvents.EscalationPathDefinedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipAssignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipReassigned;
import com.engagementledger.contract.EngagementEvents.OwnershipReassignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.EngagementEvents.OwnershipRevokedV2;
import com.engagementledger.contract.EngagementEvents.WorkstreamTransferred;
import com.engagementledger.contract.EngagementEvents.WorkstreamTransferredV2;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one definition of how an event of an older version becomes the current one, on the JSON tree, so that every
 * reader lifts alike: engagement-service's upcasters (stored events) and the consumers (older messages on Kafka).
 * "Publish the newest version only; read every version."
 * <p>
 * Each {@link Step} turns one version into the next; {@link #lift} applies them until the type is current. The
 * steps so far add the business time a version 1 lacked: {@code effectiveAt} = when the event was recorded (the
 * store's time stamp, or the message's {@code ce_time}), which is all the ledger knew of it.
 */
public final class EventVersions {

    /** One version to the next: the JSON of {@code from} becomes the JSON of {@code to}. */
    public record Step(Class<? extends LedgerEvent> from, Class<? extends LedgerEvent> to, Change change) {
    }

    /** What a step does to a copy of the older JSON, given when the event was recorded. */
    @FunctionalInterface
    public interface Change {
        void apply(ObjectNode data, Instant recordedAt);
    }

    /** A body lifted to the current version of its type. */
    public record Lifted(String typeName, Class<? extends LedgerEvent> type, ObjectNode data) {
    }

    /** The business time of a fact recorded before its type carried one is the moment it was recorded. */
    private static final Change EFFECTIVE_AT_IS_RECORDED_AT = (data, recordedAt) -> {
        if (recordedAt == null) {
            throw new IllegalArgumentException("lifting to effectiveAt needs the time the event was recorded");
        }
        data.put("effectiveAt", recordedAt.toString());
    };

    private static final List<Step> STEPS = List.of(
            new Step(DecisionProposed.class, DecisionProposedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(DecisionAccepted.class, DecisionAcceptedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(DecisionApproved.class, DecisionApprovedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(DecisionSuperseded.class, DecisionSupersededV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(DecisionReversed.class, DecisionReversedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(OwnershipAssigned.class, OwnershipAssignedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(OwnershipReassigned.class, OwnershipReassignedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(OwnershipRevoked.class, OwnershipRevokedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(EngagementPaused.class, EngagementPausedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(EngagementResumed.class, EngagementResumedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(EngagementClosed.class, EngagementClosedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(CoverageChanged.class, CoverageChangedV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(WorkstreamTransferred.class, WorkstreamTransferredV2.class, EFFECTIVE_AT_IS_RECORDED_AT),
            new Step(EscalationPathDefined.class, EscalationPathDefinedV2.class, EFFECTIVE_AT_IS_RECORDED_AT));

    private static final Map<Class<?>, Step> BY_FROM = new LinkedHashMap<>();

    static {
        STEPS.forEach(step -> {
            if (BY_FROM.put(step.from(), step) != null) {
                throw new IllegalStateException("two steps from " + step.from().getName());
            }
        });
    }

    private EventVersions() {
    }

    /** Every step, in the order they were added to the contract. */
    public static List<Step> steps() {
        return STEPS;
    }

    /** The step that lifts {@code type} to its next version; empty when {@code type} is current. */
    public static Optional<Step> next(Class<?> type) {
        return Optional.ofNullable(BY_FROM.get(type));
    }

    /** The current version of {@code type}: itself, or the type its steps end at. */
    public static Class<? extends LedgerEvent> current(Class<? extends LedgerEvent> type) {
        Class<? extends LedgerEvent> current = type;
        for (Optional<Step> step = next(current); step.isPresent(); step = next(current)) {
            current = step.get().to();
        }
        return current;
    }

    public static boolean isCurrent(Class<?> type) {
        return !BY_FROM.containsKey(type);
    }

    /**
     * Lifts {@code data}, the JSON of an event of {@code type} recorded at {@code recordedAt}, to the current version
     * of that type. {@code data} itself is left as it is; a current type's JSON comes back as a copy.
     */
    public static Lifted lift(Class<? extends LedgerEvent> type, ObjectNode data, Instant recordedAt) {
        ObjectNode lifted = data.deepCopy();
        Class<? extends LedgerEvent> current = type;
        for (Optional<Step> step = next(current); step.isPresent(); step = next(current)) {
            step.get().change().apply(lifted, recordedAt);
            current = step.get().to();
        }
        return new Lifted(EventCatalog.typeName(current), current, lifted);
    }
}
