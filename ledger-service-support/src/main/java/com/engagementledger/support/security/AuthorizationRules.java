package com.engagementledger.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own role rules, for the rare path the shared rules do not fit. They are applied after the public paths
 * and before the shared rules ({@code /actuator/**}, {@code /admin/**}, reads, writes), so the first match wins.
 */
@FunctionalInterface
public interface AuthorizationRules {
    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
