package com.engagementledger.notification.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert as readers see it; history is present only when one alert is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(UUID id, String rule, String engagementId, String subject, AlertSeverity severity,
                        String message, List<String> causeEventIds, AlertState state, Instant openedAt,
                        Instant updatedAt, Instant resolvedAt, List<HistoryEntry> history) {

    public record HistoryEntry(@Nullable AlertState fromState, AlertState toState, String actor,
                               @Nullable String actorSide, @Nullable String note, Instant at) {
    }

    AlertView withHistory(List<HistoryEntry> entries) {
        return new AlertView(id, rule, engagementId, subject, severity, message, causeEventIds, state, openedAt,
                updatedAt, resolvedAt, entries);
    }
}
