package com.engagementledger.scorecard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Delivery scorecards per engagement, computed from the ledger's event stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScorecardServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ScorecardServiceApplication.class, args);
    }
}
