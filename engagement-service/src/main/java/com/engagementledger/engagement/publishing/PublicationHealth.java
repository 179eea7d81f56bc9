package com.engagementledger.engagement.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publication in /actuator/health: lag, whether the publisher runs and whether Kafka answers. It stays UP when
 * Kafka is down, because commands are still accepted and stored; the details tell operators that publication waits.
 */
@Component("publication")
class PublicationHealth implements HealthIndicator, DisposableBean {
    private static final int KAFKA_CHECK_MILLIS = 2000;

    private final PublicationProgress progress;
    private final Admin admin;

    PublicationHealth(PublicationProgress progress, KafkaAdmin kafkaAdmin) {
        this.progress = progress;
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA_CHECK_MILLIS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_CHECK_MILLIS);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "engagement-service-health");
        this.admin = Admin.create(config);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new HashMap<>();
        details.put("newestStored", progress.newestStored());
        progress.newestPublished().ifPresent(p -> details.put("newestPublished", p));
        progress.lag().ifPresent(lag -> details.put("lag", lag));
        details.put("publishing", progress.publishing());
        details.put("kafkaReachable", kafkaReachable());
        return Health.up().withDetails(details).build();
    }

    private boolean kafkaReachable() {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(KAFKA_CHECK_MILLIS)).nodes()
                    .get(KAFKA_CHECK_MILLIS + 500L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception unreachable) {
            return false;
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
