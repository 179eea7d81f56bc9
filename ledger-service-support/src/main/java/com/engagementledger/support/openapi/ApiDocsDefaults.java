package com.engagementledger.support.openapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Every service's document is OpenAPI 3.0 (springdoc 2.8 writes 3.1 unless told): client generators, spectral's
 * {@code oas} rules and response validators all read 3.0 fully, and 3.0's {@code nullable} is what our optional
 * fields need. Answers are JSON unless an operation says otherwise (springdoc would write {@code *}{@code /*}).
 * The lowest-precedence property source, so a service could still choose otherwise.
 */
class ApiDocsDefaults implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "ledgerApiDocsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                    "springdoc.api-docs.version", "openapi_3_0",
                    "springdoc.writer-with-order-by-keys", "true",
                    "springdoc.default-produces-media-type", "application/json")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
