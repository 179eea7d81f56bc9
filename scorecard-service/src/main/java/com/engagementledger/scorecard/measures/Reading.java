package com.engagementledger.scorecard.measures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A measure's values over one window, in the order the API shows them (null is "no data", never 0), and the events
 * behind them.
 */
record Reading(Map<String, Number> values, List<EventId> evidence) {

    static Builder builder() {
        return new Builder();
    }

    /** A value as a double for comparing it with a threshold; null when there is no data. */
    Double number(String key) {
        Number value = values.get(key);
        return value == null ? null : value.doubleValue();
    }

    /** The values without the given keys, in the same order (for the weekly series). */
    Map<String, Number> valuesWithout(String... keys) {
        Map<String, Number> kept = new LinkedHashMap<>(values);
        for (String key : keys) {
            kept.remove(key);
        }
        return Collections.unmodifiableMap(kept);
    }

    static final class Builder {
        private final Map<String, Number> values = new LinkedHashMap<>();
        private final Set<EventId> evidence = new LinkedHashSet<>();

        private Builder() {
        }

        Builder value(String key, Number value) {
            values.put(key, value);
            return this;
        }

        /** Adds events behind the values; an event the read model has not seen yet (null) backs nothing. */
        Builder evidence(EventId... eventIds) {
            for (EventId eventId : eventIds) {
                if (eventId != null) {
                    evidence.add(eventId);
                }
            }
            return this;
        }

        Reading build() {
            return new Reading(Collections.unmodifiableMap(values), List.copyOf(evidence));
        }
    }
}
