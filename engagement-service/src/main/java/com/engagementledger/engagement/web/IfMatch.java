package com.engagementledger.engagement.web;

/** Optimistic concurrency: If-Match carries the version (the ETag) the caller last read. */
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
            throw new ProblemHandler.BadRequest(HEADER, "format",
                    "If-Match must be the version (ETag) of the resource, e.g. \"3\"");
        }
    }

    /** Refuses a stale version before anything is attempted; Axon checks again under the aggregate lock. */
    public static Long check(String header, long currentVersion) {
        Long expected = parse(header);
        if (expected != null && expected != currentVersion) {
            throw new ProblemHandler.StaleVersion(expected, currentVersion);
        }
        return expected;
    }
}
