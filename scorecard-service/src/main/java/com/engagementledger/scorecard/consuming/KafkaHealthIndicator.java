package com.engagementledger.scorecard.consuming;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Kafka readiness: the broker answers a cluster description within a few seconds. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {
    private final KafkaProperties properties;

    KafkaHealthIndicator(KafkaProperties properties) {
        super("Kafka is not reachable");
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var config = properties.buildAdminProperties(null);
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 3000);
        try (AdminClient admin = AdminClient.create(config)) {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            builder.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                    .withDetail("nodes", cluster.nodes().get(3, TimeUnit.SECONDS).size());
        }
    }
}
