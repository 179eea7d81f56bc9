package com.engagementledger.intake.github;

import com.engagementledger.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** GitHub sends no bearer token: its deliveries are authenticated by their signature instead. */
@Configuration(proxyBeanMethods = false)
class WebhookAccess {

    @Bean
    AuthorizationRules gitHubWebhookIsSignedNotTokened() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/webhooks/github").permitAll();
    }
}
