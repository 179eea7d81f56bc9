package com.engagementledger.support.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but a few endpoints: everything else comes from ledger-service-support. */
@SpringBootApplication
public class SupportTestApplication {
    public static void main(String[] args) {
        SpringApplication.run(SupportTestApplication.class, args);
    }
}
