package com.engagementledger.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The HTTP edge of every service, before any controller: the request-body size limit and the query-parameter check
 * (first of all filters, so nothing reads an oversized body or a parameter with a NUL), and Problem Details for
 * what Tomcat and Spring Security's firewall refuse before Spring MVC runs.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "bodySizeLimitFilter")
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodyBytes().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "queryParameterFilter")
    FilterRegistrationBean<QueryParameterFilter> queryParameterFilter(ObjectMapper json) {
        FilterRegistrationBean<QueryParameterFilter> registration = new FilterRegistrationBean<>(
                new QueryParameterFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RequestRejectedHandler.class)
    static class FirewallConfiguration {
        /** Spring Security's web configuration takes the application's one {@link RequestRejectedHandler}. */
        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper json) {
            return new FirewallRejectionHandler(json);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatConfiguration {
        @Bean
        ProblemErrorReportValveCustomizer problemErrorReportValveCustomizer(ObjectMapper json) {
            return new ProblemErrorReportValveCustomizer(json);
        }
    }
}
