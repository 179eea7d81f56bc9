package com.engagementledger.support.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.api.docs.*}: what a service's OpenAPI document says about the service. Set by each service in its
 * {@code application.yml}; the version there is the Maven project version.
 *
 * @param title       the API's name, e.g. "Engagement Ledger — engagement-service"
 * @param version     the API's version
 * @param description what the service is for, in a few sentences
 */
@ConfigurationProperties("ledger.api.docs")
public record ApiDocsProperties(String title, String version, String description) {
}
