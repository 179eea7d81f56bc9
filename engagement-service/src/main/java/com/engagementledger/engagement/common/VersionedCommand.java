package com.engagementledger.engagement.common;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * A command that may carry the version its caller last read (If-Match). Aggregates check it under their lock, so a
 * caller who read a stale version is refused with 409 even when two requests race.
 */
public interface VersionedCommand {
    Long expectedVersion();

    /** Called from an aggregate's {@code @CommandHandlerInterceptor}: refuses a command based on a stale read. */
    static void check(Object payload, String aggregateId) {
        if (payload instanceof VersionedCommand command && command.expectedVersion() != null) {
            Long actual = AggregateLifecycle.getVersion();
            if (!command.expectedVersion().equals(actual)) {
                throw new ConflictingAggregateVersionException(aggregateId, command.expectedVersion(),
                        actual == null ? -1 : actual);
            }
        }
    }
}
