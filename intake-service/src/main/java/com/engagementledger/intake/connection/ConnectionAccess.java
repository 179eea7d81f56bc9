package com.engagementledger.intake.connection;

import com.engagementledger.support.security.AuthorizationRules;
import com.engagementledger.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Binding a tool to an engagement, or cutting it off, is the client lead's decision (or an ADMIN's). */
@Configuration(proxyBeanMethods = false)
class ConnectionAccess {

    @Bean
    AuthorizationRules connectionChangesNeedLeadOrAdmin() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/engagements/*/connections", "/engagements/*/connections/**")
                .hasAnyRole(Roles.LEAD, Roles.ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/engagements/*/connections/**")
                .hasAnyRole(Roles.LEAD, Roles.ADMIN);
    }
}
