package com.engagementledger.support.health;

import com.engagementledger.embedded.KraftBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared {@code kafka} health component: UP against a real broker, DOWN when none listens. */
class KafkaHealthTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaHealthAutoConfiguration.class));

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(bootstrapServers));
        return new KafkaHealthIndicator(properties);
    }

    @Test
    void down_when_no_broker_listens() {
        assertThat(indicator("127.0.0.1:1").health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void up_with_the_clusters_id_when_the_broker_answers() {
        try (KraftBroker broker = KraftBroker.start(0, null)) {
            var health = indicator(broker.bootstrapServers()).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
        }
    }

    @Test
    void registered_where_kafka_is_configured_unless_a_service_turns_it_off() {
        context.run(app -> assertThat(app).hasSingleBean(KafkaHealthIndicator.class)
                .hasBean("kafkaHealthIndicator"));
        context.withPropertyValues("management.health.kafka.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(KafkaHealthIndicator.class));
    }
}
