package com.engagementledger.notification.web;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Kafka readiness: the cluster answers a describe within a few seconds. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {
    private final KafkaProperties kafka;

    KafkaHealthIndicator(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Map<String, Object> config = kafka.buildAdminProperties(null);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (AdminClient admin = AdminClient.create(config)) {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId()
                    .get(4, TimeUnit.SECONDS);
            builder.up().withDetail("clusterId", clusterId);
        }
    }
}
