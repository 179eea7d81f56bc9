package com.engagementledger.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Rate limiting (Bucket4j) on every request but health, in two places: by remote address before Spring Security for
 * requests that bring no valid token, and by the token's subject and roles after it. Beyond either: 429 Problem
 * Details with Retry-After. Both share one set of buckets.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "ledger.api.rate-limit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({RateLimitProperties.class, SecurityProperties.class})
public class RateLimitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimiter ledgerRateLimiter(RateLimitProperties properties) {
        return new RateLimiter(properties);
    }

    @Bean
    @ConditionalOnMissingBean(name = "addressRateLimitFilter")
    FilterRegistrationBean<AddressRateLimitFilter> addressRateLimitFilter(RateLimitProperties properties,
                                                                          RateLimiter limiter,
                                                                          SecurityProperties security,
                                                                          ObjectMapper json) {
        FilterRegistrationBean<AddressRateLimitFilter> registration = new FilterRegistrationBean<>(
                new AddressRateLimitFilter(properties.perAddress().limit(), limiter, json));
        // right before Spring Security's filter chain: nothing of the token is verified yet
        registration.setOrder(security.getFilter().getOrder() - 1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimitFilter")
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, RateLimiter limiter,
                                                            SecurityProperties security, ObjectMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties, limiter, json));
        // right after Spring Security's filter chain: the subject it verified is the client
        registration.setOrder(security.getFilter().getOrder() + 1);
        return registration;
    }
}
