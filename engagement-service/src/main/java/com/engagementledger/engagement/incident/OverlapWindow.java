package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The engagement's daily overlap window in the client's time zone. A window whose end is before its start runs past
 * midnight. Pure: an incident is judged against it (started outside the window, the acknowledge target,
 * acknowledged within the window), facts it records for the consumers.
 */
record OverlapWindow(ZoneId clientZone, LocalTime start, LocalTime end) {

    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(clientZone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * DOMAIN.md's acknowledge targets: SEV1 15 min, SEV2 30 min, SEV3 4 h, SEV4 "next overlap", read as the end of
     * the overlap window that is open at detection or, outside the window, of the next one.
     */
    public long acknowledgeTargetMinutes(Severity severity, Instant detectedAt) {
        return switch (severity) {
            case SEV1 -> 15;
            case SEV2 -> 30;
            case SEV3 -> 240;
            case SEV4 -> Duration.between(detectedAt, endOfCurrentOrNextWindow(detectedAt)).toMinutes();
        };
    }

    private Instant endOfCurrentOrNextWindow(Instant at) {
        ZonedDateTime local = at.atZone(clientZone);
        // look at the windows starting yesterday, today and tomorrow; take the first whose end is after `at`
        // and which is open at `at` or starts after it
        for (int dayOffset = -1; dayOffset <= 2; dayOffset++) {
            ZonedDateTime windowStart = local.toLocalDate().plusDays(dayOffset).atTime(start).atZone(clientZone);
            ZonedDateTime windowEnd = start.isBefore(end)
                    ? windowStart.toLocalDate().atTime(end).atZone(clientZone)
                    : windowStart.toLocalDate().plusDays(1).atTime(end).atZone(clientZone);
            if (windowEnd.toInstant().isAfter(at)) {
                return windowEnd.toInstant();
            }
        }
        return at.plus(Duration.ofDays(1));
    }
}
