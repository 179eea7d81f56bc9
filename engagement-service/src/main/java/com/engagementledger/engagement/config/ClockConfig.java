package com.engagementledger.engagement.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Time comes from an injected clock, never from Instant.now() in domain or validation code. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
