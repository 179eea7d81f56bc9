package com.engagementledger.engagement.config;

import com.engagementledger.engagement.common.Metadata;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on PostgreSQL: snake_case tables created by Flyway, snapshots, and who-did-it metadata on every event. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Long streams are rebuilt from a snapshot plus the events after it. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                              @Value("${ledger.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Event processing, the one place besides application.yml (which gives each processing group its mode): a
     * handler's failure is never logged and skipped. In the subscribing processors (views, audit chain,
     * supersession) it fails the command, so no view or chain link can diverge from the events committed with it;
     * in the tracking processor (the Kafka publisher) it rolls the batch back, token included, and the batch is
     * retried with back-off, so no event is skipped.
     */
    @Bean
    ConfigurerModule handlerFailuresPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** correlationId (and Axon's traceId) flow from command to event. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(Metadata.CORRELATION_ID, "traceId");
    }

    /** The actor and idempotency key recorded on a command are copied onto every event it causes. */
    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(Metadata.ACTOR, Metadata.ACTOR_NAME, Metadata.ACTOR_SIDE,
                Metadata.IDEMPOTENCY_KEY, Metadata.ENGAGEMENT_ID);
    }
}
