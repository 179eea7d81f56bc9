package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.common.Metadata;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.axonframework.eventhandling.DomainEventMessage;

import java.net.URI;
import java.time.ZoneOffset;

/** A stored ledger event as the CloudEvent of the contract; the same stored event always gives the same ce_id. */
final class LedgerCloudEventMapper {
    private static final URI SOURCE = URI.create(LedgerCloudEvents.SOURCE);

    private LedgerCloudEventMapper() {
    }

    static CloudEvent toCloudEvent(LedgerEvent event, DomainEventMessage<?> message, long globalPosition) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(EventCatalog.typeName(event.getClass()))
                .withSource(SOURCE)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withSubject(event.engagementId())
                .withDataContentType(LedgerCloudEvents.DATA_CONTENT_TYPE)
                .withData(LedgerCloudEvents.toJson(event))
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_ID, message.getAggregateIdentifier())
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_SEQUENCE, message.getSequenceNumber())
                .withExtension(LedgerCloudEvents.EXT_GLOBAL_POSITION, globalPosition);
        if (message.getType() != null) {
            builder.withExtension(LedgerCloudEvents.EXT_AGGREGATE_TYPE, message.getType());
        }
        // CloudEvents has no null attributes: an event without an actor (none today) simply omits the header
        optional(builder, LedgerCloudEvents.EXT_ACTOR, message.getMetaData().get(Metadata.ACTOR));
        optional(builder, LedgerCloudEvents.EXT_ACTOR_SIDE, message.getMetaData().get(Metadata.ACTOR_SIDE));
        optional(builder, LedgerCloudEvents.EXT_CORRELATION_ID, message.getMetaData().get(Metadata.CORRELATION_ID));
        return builder.build();
    }

    private static void optional(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }
}
