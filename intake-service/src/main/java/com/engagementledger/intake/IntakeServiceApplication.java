package com.engagementledger.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * Receives the webhooks of the tools a team already uses (GitHub, Jira, PagerDuty), keeps every delivery in an inbox
 * and records the facts through engagement-service's public API: an anti-corruption layer, no tool's vocabulary
 * passes it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IntakeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
