package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the ledger writes to. */
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
}
