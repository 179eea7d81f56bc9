package com.engagementledger.engagement.web;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;

/**
 * Optimistic concurrency: If-Match carries the version (the ETag) the caller last read. It travels in the command
 * (Axon's @TargetAggregateVersion), and Axon refuses a stale one under the aggregate's lock: one check, 409.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent or "*". */
    public static Long parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidHeader(HEADER, FieldRule.FORMAT,
                    "If-Match must be the version (ETag) of the resource, e.g. \"3\"");
        }
    }
}
