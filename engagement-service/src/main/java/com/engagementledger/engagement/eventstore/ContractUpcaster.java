package com.engagementledger.engagement.eventstore;

import com.engagementledger.contract.EventVersions;
import com.engagementledger.contract.LedgerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lifts a stored event of an older contract version to the current one, as {@link EventVersions} defines it (the
 * business time of a version 1 is its recorded time stamp). Every read of the store goes through it: aggregates,
 * the publisher, {@code asOf}. The stored row is never rewritten, so the hash chain, which covers the stored form,
 * still verifies.
 * <p>
 * Stored rows name their payload by the record's class; a current version is a record of its own, so the upcast
 * changes the type and a row written today is never lifted again. Runs after any other upcaster (last in the
 * chain), so a service-specific repair of an old shape first yields a contract version that this one lifts.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ContractUpcaster extends SingleEventUpcaster {
    /** Stored payload type (the older record's class name) → that record. */
    private static final Map<String, Class<? extends LedgerEvent>> OLDER = EventVersions.steps().stream()
            .collect(Collectors.toUnmodifiableMap(step -> step.from().getName(), EventVersions.Step::from));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && OLDER.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Class<? extends LedgerEvent> older = OLDER.get(representation.getType().getName());
        Class<? extends LedgerEvent> current = EventVersions.current(older);
        return representation.upcastPayload(new SimpleSerializedType(current.getName(), null), JsonNode.class,
                payload -> EventVersions.lift(older, (ObjectNode) payload, representation.getTimestamp()).data());
    }
}
