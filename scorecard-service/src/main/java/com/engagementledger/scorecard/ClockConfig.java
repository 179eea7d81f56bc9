package com.engagementledger.scorecard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** "Now" for rolling windows; a fixed instant can be configured so that demos and tests see stable numbers. */
@Configuration
class ClockConfig {
    @Bean
    Clock clock(@Value("${ledger.scorecard.fixed-clock:}") String fixedClock) {
        return fixedClock.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixedClock), ZoneOffset.UTC);
    }
}
