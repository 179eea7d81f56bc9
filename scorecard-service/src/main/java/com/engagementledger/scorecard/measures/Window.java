package com.engagementledger.scorecard.measures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A span of calendar days (UTC) that a measure is computed over: [from, until). {@code from} null means "since the
 * beginning". {@code weeks} is the number of ISO weeks the span covers from the engagement's start, for per-week rates.
 */
record Window(LocalDate from, LocalDate until, double weeks) {

    /** The scorecard's "current" period: everything up to today, per-week rates since the start week. */
    static Window upTo(LocalDate today, LocalDate start) {
        return of(null, today.plusDays(1), start);
    }

    /** The current ISO week and the three before it, up to today. */
    static Window rollingFourWeeks(LocalDate today, LocalDate start) {
        return of(monday(today).minusWeeks(3), today.plusDays(1), start);
    }

    /** One ISO week of the weekly series, cut at today so that point-in-time values are not taken in the future. */
    static Window week(LocalDate monday, LocalDate today) {
        LocalDate until = monday.plusWeeks(1).isAfter(today) ? today.plusDays(1) : monday.plusWeeks(1);
        return new Window(monday, until, 1);
    }

    boolean contains(LocalDate date) {
        return date != null && (from == null || !date.isBefore(from)) && date.isBefore(until);
    }

    boolean contains(Instant instant) {
        return instant != null && contains(day(instant));
    }

    /** The last day inside the window: point-in-time measures (retention, ownership) are taken as of its end. */
    LocalDate asOf() {
        return until.minusDays(1);
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The ISO week of a day as the API names it: 2026-W05. */
    static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A window whose per-week rates count only the ISO weeks on or after the engagement's start week. */
    static Window of(LocalDate from, LocalDate until, LocalDate start) {
        LocalDate firstMonday = monday(start != null && (from == null || start.isAfter(from)) ? start
                : from != null ? from : until.minusDays(1));
        LocalDate endMonday = monday(until.minusDays(1)).plusWeeks(1);
        double weeks = Math.max(1, ChronoUnit.WEEKS.between(firstMonday, endMonday));
        return new Window(from, until, weeks);
    }
}
