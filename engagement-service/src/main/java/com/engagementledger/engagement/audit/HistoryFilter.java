package com.engagementledger.engagement.audit;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The history's filters, order and cursor, checked: a bad value is a 400 naming the parameter, never an empty answer.
 * {@code after} is a chain position in chain order and a global position in global order.
 */
record HistoryFilter(String type, String family, String actor, String side, Instant from, Instant to, long after,
                     String aggregateId, Order order) {

    /** Chain order is the engagement's own (commit) order; global order is the store's, across engagements. */
    enum Order { CHAIN, GLOBAL }

    /** Everything, in chain order. */
    static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null, 0, null, Order.CHAIN);

    private static final Set<String> FAMILIES = EventCatalog.all().keySet().stream().map(EventCatalog::family)
            .collect(Collectors.toCollection(TreeSet::new));

    static HistoryFilter of(String type, String family, String actor, String side, String from, String to,
                            String after, String order) {
        if (type != null && EventCatalog.byName(type).isEmpty()) {
            throw ApiProblem.invalidParameter("type", FieldRule.ENUM, "'" + type + "' is not an event type; known "
                    + "types: " + EventCatalog.all().keySet());
        }
        if (family != null && !FAMILIES.contains(family)) {
            throw ApiProblem.invalidParameter("family", FieldRule.ENUM, "'" + family + "' is not an event family; "
                    + "known: " + FAMILIES);
        }
        if (actor != null && (actor.isBlank() || actor.length() > 255)) {
            throw ApiProblem.invalidParameter("actor", FieldRule.SIZE, "actor must be 1 to 255 characters");
        }
        if (side != null && Arrays.stream(Side.values()).noneMatch(s -> s.name().equals(side))) {
            throw ApiProblem.invalidParameter("side", FieldRule.ENUM, "'" + side + "' is not one of "
                    + Arrays.toString(Side.values()));
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw ApiProblem.invalidParameter("from", FieldRule.RANGE, "from must not be after to");
        }
        return new HistoryFilter(type, family, actor, side, fromInstant, toInstant, position("after", after), null,
                order(order));
    }

    /** Only the events of one aggregate (e.g. one decision). */
    HistoryFilter ofAggregate(String aggregate) {
        return new HistoryFilter(type, family, actor, side, from, to, after, aggregate, order);
    }

    /** The same filter from another cursor. */
    HistoryFilter after(long cursor) {
        return new HistoryFilter(type, family, actor, side, from, to, cursor, aggregateId, order);
    }

    private static Order order(String value) {
        if (value == null || value.equals("chain")) {
            return Order.CHAIN;
        }
        if (value.equals("global")) {
            return Order.GLOBAL;
        }
        throw ApiProblem.invalidParameter("order", FieldRule.ENUM, "order must be chain or global");
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, FieldRule.FORMAT, "'" + value + "' is not an ISO-8601 instant "
                    + "such as 2026-08-03T10:15:30Z");
        }
    }

    static long position(String name, String value) {
        if (value == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(value);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, FieldRule.RANGE, name
                    + " must be a position (a whole number, 0 or more)");
        }
    }

    static int limit(String value, int max) {
        if (value == null) {
            return Math.min(100, max);
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return Math.min(limit, max);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("limit", FieldRule.RANGE, "limit must be a whole number of at least 1");
        }
    }
}
