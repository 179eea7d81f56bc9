package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the ledger writes to, and the error policy of the processor that publishes to them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingProperties.class)
class PublishingConfig {
    static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Created by Spring's KafkaAdmin at start-up; a broker that is down then does not stop the service. */
    @Bean
    KafkaAdmin.NewTopics ledgerTopics(PublishingProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(LedgerCloudEvents.EVENTS_TOPIC, properties),
                topic(LedgerCloudEvents.EVENTS_TOPIC + DEAD_LETTER_SUFFIX, properties),
                topic(LedgerCloudEvents.ALERTS_TOPIC, properties),
                topic(LedgerCloudEvents.ALERTS_TOPIC + DEAD_LETTER_SUFFIX, properties));
    }

    private static NewTopic topic(String name, PublishingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    /**
     * Axon's default for handler failures is to log and move on, which would skip an event that Kafka never got.
     * Propagating the failure makes the processor roll back the batch (token included) and retry it with back-off.
     */
    @Bean
    ConfigurerModule publisherPropagatesFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
