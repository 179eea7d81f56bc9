package com.engagementledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.AbstractAssert;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on an RFC 9457 answer of the services: status, {@code application/problem+json}, the top-level
 * {@code rule} (and its {@code type}, {@code urn:engagement-ledger:problem:<rule>}), {@code field} and
 * {@code errors[]}.
 */
public final class ProblemAssert extends AbstractAssert<ProblemAssert, ProblemAssert.Answer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_PREFIX = "urn:engagement-ledger:problem:";

    /** What the assertions look at: status, Content-Type and the body. */
    public record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the answer is not JSON: " + body, e);
            }
        }
    }

    private ProblemAssert(Answer actual) {
        super(actual, ProblemAssert.class);
    }

    public static ProblemAssert assertThatProblem(HttpResponse<String> response) {
        return assertThatProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    public static ProblemAssert assertThatProblem(int status, String contentType, String body) {
        return new ProblemAssert(new Answer(status, contentType, body));
    }

    /** The status, in the answer and in its body, and the Problem Details content type. */
    public ProblemAssert hasStatus(int status) {
        isNotNull();
        assertThat(actual.status()).as("status of %s", actual.body()).isEqualTo(status);
        assertThat(actual.contentType()).as("Content-Type").startsWith("application/problem+json");
        assertThat(actual.json().path("status").asInt()).as("status in the body").isEqualTo(status);
        return this;
    }

    /** The top-level rule, and the type that names it. */
    public ProblemAssert hasRule(String rule) {
        isNotNull();
        JsonNode json = actual.json();
        assertThat(json.path("rule").asText(null)).as("rule of %s", actual.body()).isEqualTo(rule);
        assertThat(json.path("type").asText(null)).as("type").isEqualTo(TYPE_PREFIX + rule);
        return this;
    }

    public ProblemAssert hasField(String field) {
        isNotNull();
        assertThat(actual.json().path("field").asText(null)).as("field of %s", actual.body()).isEqualTo(field);
        return this;
    }

    /** Some entry of {@code errors[]} names this field and rule. */
    public ProblemAssert hasError(String field, String rule) {
        isNotNull();
        boolean found = false;
        for (JsonNode error : actual.json().path("errors")) {
            found |= field.equals(error.path("field").asText(null)) && rule.equals(error.path("rule").asText(null));
        }
        assertThat(found).as("errors[] of %s has {field: %s, rule: %s}", actual.body(), field, rule).isTrue();
        return this;
    }
}
