package com.engagementledger.intake.fact;

import com.engagementledger.intake.connection.ConnectionOptions;
import com.engagementledger.intake.connection.Source;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One source's translation of its deliveries into facts: the only place its vocabulary is read. Pure: no I/O, no
 * clock; times come from the payload.
 */
public interface SourceMapping {
    Source source();

    /** {@code event} is the source's event name (GitHub's {@code X-GitHub-Event}), {@code payload} its body. */
    Mapping map(String event, JsonNode payload, ConnectionOptions options);
}
