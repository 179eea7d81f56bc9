package com.engagementledger.support.health;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Kafka readiness: the cluster answers a description within a few seconds. */
class KafkaHealthIndicator extends AbstractHealthIndicator {
    private static final int TIMEOUT_MILLIS = 3000;

    private final KafkaProperties kafka;

    KafkaHealthIndicator(KafkaProperties kafka) {
        super("Kafka is not reachable");
        this.kafka = kafka;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Map<String, Object> config = kafka.buildAdminProperties(null);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        try (AdminClient admin = AdminClient.create(config)) {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS));
            builder.up().withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS))
                    .withDetail("nodes", cluster.nodes().get(TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS).size());
        }
    }
}
