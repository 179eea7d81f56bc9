package com.engagementledger.intake.connection;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tool that sends webhooks; its name in requests, answers and webhook paths is the lower-case one. */
public enum Source {
    @JsonProperty("github") GITHUB,
    @JsonProperty("jira") JIRA,
    @JsonProperty("pagerduty") PAGERDUTY;

    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** As a client writes it, also in the message that lists the allowed values. */
    @Override
    public String toString() {
        return path();
    }
}
