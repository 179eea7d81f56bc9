package com.engagementledger.support.health;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Every service's health answers anonymous callers (orchestrators' probes) with its status alone; its components and
 * their details (disk paths, the Kafka cluster id, a service's own progress) go to SERVICE and ADMIN tokens only.
 * Added as the lowest-precedence property source: a service's configuration could still say otherwise, and each
 * service's tests check that none does.
 */
class HealthDetailsDefaults implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "ledgerHealthDetailsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                    "management.endpoint.health.show-details", "when-authorized",
                    "management.endpoint.health.show-components", "when-authorized",
                    "management.endpoint.health.roles", "SERVICE,ADMIN")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
