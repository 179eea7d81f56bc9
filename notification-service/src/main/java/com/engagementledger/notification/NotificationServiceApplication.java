package com.engagementledger.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Turns the ledger's events into governance alerts and delivers them to webhooks, SSE clients and Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /** Every rule reads time from this bean, so tests can replace it with a clock they move. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
