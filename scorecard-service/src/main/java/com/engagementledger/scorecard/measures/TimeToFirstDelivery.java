package com.engagementledger.scorecard.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Time to first delivery: engagement start → first increment shipped, in days (good: under 28). */
final class TimeToFirstDelivery extends Measure {
    static final String NAME = "time-to-first-delivery";
    private static final String DAYS = "days";
    private static final String DAYS_SINCE_START = "daysSinceStart";

    TimeToFirstDelivery() {
        super(NAME, "Days from the engagement's start date to the first increment shipped (the first release shipped "
                + "or FIRST_INCREMENT_SHIPPED milestone, whichever is earlier).");
    }

    /** Evidence: the engagement's opening (its start date) and the first increment shipped, once there is one. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        LocalDate start = facts.engagement().startDate();
        if (start == null) {
            return Reading.builder().value(DAYS, null).value(DAYS_SINCE_START, null).build();
        }
        LocalDate asOf = window.asOf();
        Optional<Increment> first = increments(facts).stream()
                .filter(i -> !i.on().isAfter(asOf) && !i.on().isBefore(start))
                .min(Comparator.comparing(Increment::on).thenComparing(Increment::eventId));
        Reading.Builder reading = Reading.builder().evidence(facts.engagement().openedEventId());
        first.ifPresent(i -> reading.evidence(i.eventId()));
        return reading.value(DAYS, first.map(i -> ChronoUnit.DAYS.between(start, i.on())).orElse(null))
                .value(DAYS_SINCE_START, Math.max(0, ChronoUnit.DAYS.between(start, asOf)))
                .build();
    }

    /** What colours speed: the days to the first increment, or while none has shipped the days waited so far. */
    static Double daysOrDaysSinceStart(Reading reading) {
        Double days = reading.number(DAYS);
        return days != null ? days : reading.number(DAYS_SINCE_START);
    }

    /** Shipped increments: every release shipped and every FIRST_INCREMENT_SHIPPED milestone. */
    private static List<Increment> increments(EngagementFacts facts) {
        List<Increment> increments = new ArrayList<>();
        facts.releases().stream().filter(r -> r.shippedOn() != null)
                .forEach(r -> increments.add(new Increment(r.shippedOn(), r.shippedEventId())));
        facts.milestones().stream().filter(m -> "FIRST_INCREMENT_SHIPPED".equals(m.milestone()))
                .forEach(m -> increments.add(new Increment(m.reachedOn(), m.eventId())));
        return increments;
    }

    private record Increment(LocalDate on, EventId eventId) {
    }
}
