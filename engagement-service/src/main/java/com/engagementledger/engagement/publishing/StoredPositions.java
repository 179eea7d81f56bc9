package com.engagementledger.engagement.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each event's own global position, as the event store assigned it: what the contract publishes as
 * {@code ce_globalposition} and what the REST history answers as {@code position}.
 * <p>
 * The publishing processor's tracking token is not that position. Concurrent commands commit out of position order;
 * an event that commits after events with higher positions fills a gap in the gap-aware token, whose position stays
 * at the highest one seen, so several such events would carry that one number.
 */
@Component
class StoredPositions {
    private final JdbcClient jdbc;

    StoredPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Event identifier → global position, for the given events (one indexed query for a whole batch). */
    Map<String, Long> of(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("select event_identifier, global_index from domain_event_entry where event_identifier = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query(rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }
}
