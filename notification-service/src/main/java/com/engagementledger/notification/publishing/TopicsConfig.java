package com.engagementledger.notification.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Topics this service writes to (created if missing; existing topics are left as they are). */
@Configuration
class TopicsConfig {
    @Bean
    NewTopic alertsTopic(@Value("${ledger.notification.topics.partitions:6}") int partitions) {
        return TopicBuilder.name(LedgerCloudEvents.ALERTS_TOPIC).partitions(partitions).build();
    }

    @Bean
    NewTopic eventsDeadLetterTopic(@Value("${ledger.notification.topics.partitions:6}") int partitions) {
        return TopicBuilder.name(LedgerCloudEvents.EVENTS_TOPIC + ".dlt").partitions(partitions).build();
    }
}
