package com.engagementledger.support.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code ledger.api.docs.*}: what a service's OpenAPI document says about the service. Set by each service in its
 * {@code application.yml}; the version there is the Maven project version.
 *
 * @param title       the API's name, e.g. "Engagement Ledger — engagement-service"
 * @param version     the API's version
 * @param description what the service is for, in a few sentences
 * @param tags        what each tag (a feature package) holds, by tag name
 * @param contact     whom integrators ask about the API
 */
@ConfigurationProperties("ledger.api.docs")
public record ApiDocsProperties(String title, String version, String description, Map<String, String> tags,
                                Contact contact) {

    /** A contact: a name and a URL or an e-mail address. */
    public record Contact(String name, String url, String email) {
    }
}
