package com.engagementledger.engagement.common;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When a fact happened (business time), as a command carries it: the {@code effectiveAt} the request named, or the
 * clock's now when it named none; and that now, against which "not in the future" is judged. The rules every
 * business time obeys are named here once; an aggregate adds the start and the fact that its fact follows.
 */
public record BusinessTime(Instant effectiveAt, Instant now) {
    /** The request field that carries it. */
    public static final String FIELD = "effectiveAt";
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The clock skew allowed between a caller and this service, as for every other time of a request. */
    static final Duration SKEW = Duration.ofMinutes(5);

    /** What a request asked for ({@code null}: now). */
    public static BusinessTime of(Instant requested, Clock clock) {
        Instant now = clock.instant();
        return new BusinessTime(requested == null ? now : requested, now);
    }

    /**
     * The first moment of an engagement: the start date's midnight in the client's time zone (or in the earliest
     * zone on Earth, UTC+14, when the zone is unknown, which refuses nothing that the client's zone would allow).
     */
    public static Instant startOf(LocalDate startDate, String clientTimeZone) {
        ZoneId zone = ZoneOffset.ofHours(14);
        if (clientTimeZone != null) {
            try {
                zone = ZoneId.of(clientTimeZone);
            } catch (DateTimeException e) {
                // the controller refuses unknown zones before an engagement is opened; an old one stays lenient
            }
        }
        return startDate.atStartOfDay(zone).toInstant();
    }

    /**
     * {@link #effectiveAt()}, once it is known to be no later than now, not before 2000, not before the engagement's
     * {@code start} ({@code <family>.time.before-start}) and not before {@code follows}, the business time of the fact
     * it follows ({@code <family>.time.backwards}). A null bound is not checked (a state loaded from a snapshot
     * taken before business time was kept has none).
     */
    public Instant require(String family, Instant start, Instant follows, String followsWhat) {
        violatedIf(effectiveAt.isAfter(now.plus(SKEW)), "time.future",
                "effectiveAt " + effectiveAt + " is in the future (now is " + now + ")");
        violatedIf(effectiveAt.isBefore(EARLIEST), "time.before-2000",
                "effectiveAt " + effectiveAt + " is before " + EARLIEST);
        violatedIf(start != null && effectiveAt.isBefore(start), family + ".time.before-start",
                "effectiveAt " + effectiveAt + " is before the engagement started at " + start);
        violatedIf(follows != null && effectiveAt.isBefore(follows), family + ".time.backwards",
                "effectiveAt " + effectiveAt + " is before " + followsWhat + " at " + follows);
        return effectiveAt;
    }

    private static void violatedIf(boolean violated, String rule, String message) {
        if (violated) {
            throw new RuleViolation(rule, FIELD, message);
        }
    }
}
