package com.engagementledger.engagement.audit;

import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A test-only upcaster, in the application context of every engagement-service test: it lifts a decision proposal
 * stored in a shape no real event has (revision {@value #REVISION}, whose title was called "name") to version 1's
 * shape, so that a test can show which reads go through the upcaster chain. It touches no other event. It runs
 * first: what it yields is a version 1 proposal, which the contract's upcaster then lifts to the current version.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LegacyProposalUpcaster extends SingleEventUpcaster {
    static final String REVISION = "test-legacy-name";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(DecisionProposed.class.getName())
                && REVISION.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(DecisionProposed.class.getName(), null),
                JsonNode.class, payload -> {
                    ObjectNode lifted = ((ObjectNode) payload).deepCopy();
                    lifted.set("title", lifted.remove("name"));
                    return lifted;
                });
    }
}
