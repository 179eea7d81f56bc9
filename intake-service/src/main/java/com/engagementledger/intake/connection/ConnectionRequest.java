package com.engagementledger.intake.connection;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What binds a source to an engagement: the source's own coordinates (only those of its kind), the webhook secret
 * configured in the tool, and the mapping options.
 */
record ConnectionRequest(@NotNull Source source,
                         @Size(max = 140) @Pattern(regexp = REPOSITORY) String repository,
                         @Size(max = 200) @Pattern(regexp = SITE) String site,
                         @Pattern(regexp = PROJECT_KEY) String projectKey,
                         @Pattern(regexp = SERVICE_ID) String serviceId,
                         @NotNull @Size(min = 16, max = 256) @Pattern(regexp = SECRET) String webhookSecret,
                         @Valid ConnectionOptions options) {
    /** GitHub's owner (1–39 letters, digits, hyphens) and repository name (letters, digits, {@code . _ -}). */
    static final String REPOSITORY = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}";
    /** A Jira Cloud site: https and a host name, nothing after it. */
    static final String SITE = "https://[a-z0-9](?:[a-z0-9.-]{0,190})[a-z0-9]/?";
    static final String PROJECT_KEY = "[A-Z][A-Z0-9_]{0,9}";
    static final String SERVICE_ID = "[A-Z0-9]{1,20}";
    /** Printable ASCII: what the tools' secret fields take, and nothing that changes between encodings. */
    static final String SECRET = "[\\x21-\\x7E]+";

    /** The fields this request's source needs, and none of another source's: 400 naming the field otherwise. */
    void requireFieldsOfItsSource() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("repository", repository);
        fields.put("site", site);
        fields.put("projectKey", projectKey);
        fields.put("serviceId", serviceId);
        var needed = switch (source) {
            case GITHUB -> java.util.List.of("repository");
            case JIRA -> java.util.List.of("site", "projectKey");
            case PAGERDUTY -> java.util.List.of("serviceId");
        };
        for (var field : fields.entrySet()) {
            boolean given = field.getValue() != null;
            if (needed.contains(field.getKey()) && !given) {
                throw ApiProblem.invalidField(field.getKey(), FieldRule.REQUIRED,
                        field.getKey() + " is required for a " + source + " connection");
            }
            if (!needed.contains(field.getKey()) && given) {
                throw ApiProblem.invalidField(field.getKey(), FieldRule.INVALID,
                        field.getKey() + " is not a field of a " + source + " connection");
            }
        }
    }

    /** A new secret for a connection, as configured in the tool. */
    record SecretRotation(@NotNull @Size(min = 16, max = 256) @Pattern(regexp = SECRET) String webhookSecret) {
    }
}
