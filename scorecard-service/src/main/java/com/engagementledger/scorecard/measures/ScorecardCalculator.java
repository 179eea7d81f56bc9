package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;
import com.engagementledger.scorecard.measures.EngagementFacts.Incident;
import com.engagementledger.scorecard.measures.EngagementFacts.OwnershipChange;
import com.engagementledger.scorecard.measures.EngagementFacts.Release;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;
import com.engagementledger.scorecard.measures.Scorecard.Factor;
import com.engagementledger.scorecard.measures.Scorecard.Measure;
import com.engagementledger.scorecard.measures.Scorecard.Week;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.engagementledger.scorecard.measures.Stats.round;

/**
 * Computes a scorecard from an engagement's facts: a pure function of the facts, "today" and the thresholds.
 * The exact definitions are in the service README; each measure's {@code definition} repeats them for API users.
 */
public final class ScorecardCalculator {
    public static final String CYCLE_TIME = "cycle-time";
    public static final String RELEASE_PREDICTABILITY = "release-predictability";
    public static final String DEFECT_LEAKAGE = "defect-leakage";
    public static final String REWORK_RATE = "rework-rate";
    public static final String INCIDENT_TREND = "incident-trend";
    public static final String SATISFACTION = "stakeholder-satisfaction";
    public static final String TIME_TO_FIRST_DELIVERY = "time-to-first-delivery";
    public static final String RETENTION = "retention";
    public static final String OWNERSHIP_COVERAGE = "ownership-coverage";
    public static final String GOVERNANCE_CADENCE = "governance-cadence";
    public static final String ONBOARDING = "onboarding";
    public static final String KNOWLEDGE_TRANSFER = "knowledge-transfer";

    public static final Map<String, String> DEFINITIONS = definitions();
    static final int OWNERSHIP_AREAS = 12;

    private final EngagementFacts facts;
    private final LocalDate start;

    private ScorecardCalculator(EngagementFacts facts) {
        this.facts = facts;
        this.start = facts.engagement().startDate();
    }

    public static Scorecard scorecard(EngagementFacts facts, LocalDate today, Thresholds thresholds) {
        return new ScorecardCalculator(facts).scorecard(today, thresholds);
    }

    /** One row per ISO week from the engagement's start week (or first fact) up to today's week, within [from, to]. */
    public static List<Week> weekly(EngagementFacts facts, LocalDate today, LocalDate from, LocalDate to) {
        return new ScorecardCalculator(facts).weekly(today, from, to);
    }

    private Scorecard scorecard(LocalDate today, Thresholds t) {
        LocalDate until = today.plusDays(1);
        Window current = Window.of(null, until, start);
        Window rolling = Window.of(Window.monday(today).minusWeeks(3), until, start);
        Map<String, Measure> measures = new LinkedHashMap<>();
        for (String name : DEFINITIONS.keySet()) {
            Set<String> evidence = new LinkedHashSet<>();
            Map<String, Number> now = measure(name, current, evidence);
            Map<String, Number> four = measure(name, rolling, new LinkedHashSet<>());
            evidence.remove(null);
            measures.put(name, new Measure(name, DEFINITIONS.get(name), now, four, List.copyOf(evidence)));
        }
        Map<Factor, Rag> factors = new EnumMap<>(Factor.class);
        Map<String, Number> ttfd = measures.get(TIME_TO_FIRST_DELIVERY).current();
        Number ttfdDays = ttfd.get("days") != null ? ttfd.get("days") : ttfd.get("daysSinceStart");
        factors.put(Factor.SPEED, Rag.worst(
                Rag.lowerIsBetter(dbl(ttfdDays), t.timeToFirstDeliveryDays()),
                Rag.lowerIsBetter(value(measures, CYCLE_TIME, "medianDays"), t.cycleTimeMedianDays())));
        factors.put(Factor.CAPABILITY, Rag.worst(
                Rag.higherIsBetter(value(measures, ONBOARDING, "ratio"), t.onboardingContributing())));
        factors.put(Factor.STABILITY, Rag.worst(
                Rag.higherIsBetter(value(measures, RETENTION, "ratio"), t.retention()),
                Rag.higherIsBetter(value(measures, KNOWLEDGE_TRANSFER, "mean"), t.knowledgeTransferScore())));
        factors.put(Factor.QUALITY, Rag.worst(
                Rag.lowerIsBetter(value(measures, DEFECT_LEAKAGE, "ratio"), t.defectLeakage()),
                Rag.lowerIsBetter(value(measures, REWORK_RATE, "ratio"), t.reworkRate())));
        factors.put(Factor.CONTROL, Rag.worst(
                Rag.higherIsBetter(value(measures, OWNERSHIP_COVERAGE, "ratio"), t.ownershipCoverage()),
                Rag.higherIsBetter(value(measures, GOVERNANCE_CADENCE, "onTimeRatio"), t.reviewCadence()),
                Rag.higherIsBetter(value(measures, GOVERNANCE_CADENCE, "decisionsPerWeek"), t.decisionsPerWeek())));
        var e = facts.engagement();
        return new Scorecard(e.id(), e.name(), e.clientName(), e.partnerName(), e.model(), e.status(), start, today,
                isoWeek(today), factors, measures);
    }

    private List<Week> weekly(LocalDate today, LocalDate from, LocalDate to) {
        LocalDate first = start != null ? start : firstFactDay();
        if (first == null) {
            return List.of();
        }
        LocalDate monday = Window.monday(first);
        LocalDate lastMonday = Window.monday(today);
        if (from != null && Window.monday(from).isAfter(monday)) {
            monday = Window.monday(from);
        }
        if (to != null && Window.monday(to).isBefore(lastMonday)) {
            lastMonday = Window.monday(to);
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate m = monday; !m.isAfter(lastMonday); m = m.plusWeeks(1)) {
            // the current week is cut at today so that point-in-time values are not taken in the future
            LocalDate until = m.plusWeeks(1).isAfter(today) ? today.plusDays(1) : m.plusWeeks(1);
            Window week = new Window(m, until, 1);
            Map<String, Map<String, Number>> values = new LinkedHashMap<>();
            for (String name : DEFINITIONS.keySet()) {
                if (!name.equals(ONBOARDING)) {
                    values.put(name, weekValues(name, week));
                }
            }
            weeks.add(new Week(isoWeek(m), m, values));
        }
        return weeks;
    }

    private Map<String, Number> weekValues(String name, Window week) {
        Map<String, Number> values = measure(name, week, new LinkedHashSet<>());
        if (name.equals(SATISFACTION)) {
            values.remove("trend");
        }
        if (name.equals(GOVERNANCE_CADENCE)) {
            values.remove("week8ReviewOnTime");
        }
        return values;
    }

    private Map<String, Number> measure(String name, Window w, Set<String> evidence) {
        return switch (name) {
            case CYCLE_TIME -> cycleTime(w, evidence);
            case RELEASE_PREDICTABILITY -> releasePredictability(w, evidence);
            case DEFECT_LEAKAGE -> defectLeakage(w, evidence);
            case REWORK_RATE -> reworkRate(w, evidence);
            case INCIDENT_TREND -> incidentTrend(w, evidence);
            case SATISFACTION -> satisfaction(w, evidence);
            case TIME_TO_FIRST_DELIVERY -> timeToFirstDelivery(w, evidence);
            case RETENTION -> retention(w, evidence);
            case OWNERSHIP_COVERAGE -> ownershipCoverage(w, evidence);
            case GOVERNANCE_CADENCE -> governanceCadence(w, evidence);
            case ONBOARDING -> onboarding(w, evidence);
            case KNOWLEDGE_TRANSFER -> knowledgeTransfer(w, evidence);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Map<String, Number> cycleTime(Window w, Set<String> evidence) {
        List<Double> days = new ArrayList<>();
        for (WorkItem item : facts.workItems()) {
            if (item.startedAt() != null && w.contains(item.deliveredAt())) {
                days.add(Duration.between(item.startedAt(), item.deliveredAt()).toMinutes() / 1440.0);
                evidence.add(item.startedEventId());
                evidence.add(item.deliveredEventId());
            }
        }
        return values("delivered", days.size(), "medianDays", round(Stats.median(days)),
                "p85Days", round(Stats.percentile(days, 85)));
    }

    private Map<String, Number> releasePredictability(Window w, Set<String> evidence) {
        long shipped = 0;
        long onTime = 0;
        for (Release r : facts.releases()) {
            if (w.contains(r.shippedOn()) && r.plannedFor() != null) {
                shipped++;
                if (!r.shippedOn().isAfter(r.plannedFor().plusDays(1))) {
                    onTime++;
                }
                evidence.add(r.plannedEventId());
                evidence.add(r.shippedEventId());
            }
        }
        return values("shipped", shipped, "onTime", onTime, "ratio", round(Stats.ratio(onTime, shipped)));
    }

    private Map<String, Number> defectLeakage(Window w, Set<String> evidence) {
        long all = 0;
        long production = 0;
        for (var d : facts.defects()) {
            if (w.contains(d.foundAt())) {
                all++;
                production += "PRODUCTION".equals(d.stage()) ? 1 : 0;
                evidence.add(d.eventId());
            }
        }
        return values("defects", all, "production", production, "ratio", round(Stats.ratio(production, all)));
    }

    private Map<String, Number> reworkRate(Window w, Set<String> evidence) {
        Map<String, List<EngagementFacts.Reopen>> reopens = facts.reopens().stream()
                .collect(Collectors.groupingBy(EngagementFacts.Reopen::workItemId));
        long delivered = 0;
        long reopened = 0;
        for (WorkItem item : facts.workItems()) {
            if (!w.contains(item.deliveredAt())) {
                continue;
            }
            delivered++;
            evidence.add(item.deliveredEventId());
            var within = reopens.getOrDefault(item.id(), List.of()).stream().filter(r -> {
                var deliveredAt = r.deliveredAt() != null ? r.deliveredAt() : item.deliveredAt();
                return !r.reopenedAt().isBefore(deliveredAt)
                        && Duration.between(deliveredAt, r.reopenedAt()).compareTo(Duration.ofDays(30)) <= 0;
            }).toList();
            if (!within.isEmpty()) {
                reopened++;
                within.forEach(r -> evidence.add(r.eventId()));
            }
        }
        return values("delivered", delivered, "reopened", reopened, "ratio", round(Stats.ratio(reopened, delivered)));
    }

    private Map<String, Number> incidentTrend(Window w, Set<String> evidence) {
        List<Incident> incidents = facts.incidents().stream().filter(i -> w.contains(i.detectedAt())).toList();
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("incidents", incidents.size());
        for (String severity : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            values.put(severity.toLowerCase(), incidents.stream().filter(i -> severity.equals(i.severity())).count());
        }
        values.put("perWeek", round(incidents.size() / w.weeks()));
        values.put("mttaMinutes", round(Stats.mean(incidents.stream().filter(i -> i.acknowledgedAt() != null)
                .map(i -> Duration.between(i.detectedAt(), i.acknowledgedAt()).toSeconds() / 60.0).toList())));
        values.put("mttrHours", round(Stats.mean(incidents.stream().filter(i -> i.resolvedAt() != null)
                .map(i -> Duration.between(i.detectedAt(), i.resolvedAt()).toSeconds() / 3600.0).toList())));
        incidents.forEach(i -> {
            evidence.add(i.openedEventId());
            evidence.add(i.acknowledgedEventId());
            evidence.add(i.resolvedEventId());
        });
        return values;
    }

    private Map<String, Number> satisfaction(Window w, Set<String> evidence) {
        var ratings = facts.ratings().stream().filter(r -> w.contains(r.ratedOn())).toList();
        ratings.forEach(r -> evidence.add(r.eventId()));
        // trend: the mean of the last four ISO weeks minus the mean of the four weeks before them
        LocalDate lastFour = Window.monday(w.asOf()).minusWeeks(3);
        Double recent = meanRating(lastFour, w.until());
        Double before = meanRating(lastFour.minusWeeks(4), lastFour);
        return values("ratings", ratings.size(),
                "mean", round(Stats.mean(ratings.stream().map(EngagementFacts.Rating::rating).toList())),
                "trend", recent == null || before == null ? null : round(recent - before));
    }

    private Double meanRating(LocalDate from, LocalDate until) {
        Window span = new Window(from, until, 1);
        return Stats.mean(facts.ratings().stream().filter(r -> span.contains(r.ratedOn()))
                .map(EngagementFacts.Rating::rating).toList());
    }

    private Map<String, Number> timeToFirstDelivery(Window w, Set<String> evidence) {
        if (start == null) {
            return values("days", null, "daysSinceStart", null);
        }
        LocalDate asOf = w.asOf();
        record Increment(LocalDate on, String eventId) {
        }
        List<Increment> increments = new ArrayList<>();
        facts.releases().stream().filter(r -> r.shippedOn() != null)
                .forEach(r -> increments.add(new Increment(r.shippedOn(), r.shippedEventId())));
        facts.milestones().stream().filter(m -> "FIRST_INCREMENT_SHIPPED".equals(m.milestone()))
                .forEach(m -> increments.add(new Increment(m.reachedOn(), m.eventId())));
        var first = increments.stream().filter(i -> !i.on().isAfter(asOf) && !i.on().isBefore(start))
                .min(Comparator.comparing(Increment::on).thenComparing(Increment::eventId));
        evidence.add(facts.engagement().openedEventId());
        first.ifPresent(i -> evidence.add(i.eventId()));
        return values("days", first.map(i -> ChronoUnit.DAYS.between(start, i.on())).orElse(null),
                "daysSinceStart", Math.max(0, ChronoUnit.DAYS.between(start, asOf)));
    }

    private Map<String, Number> retention(Window w, Set<String> evidence) {
        LocalDate asOf = w.asOf();
        LocalDate since = asOf.minusMonths(12);
        List<Engineer> joined = facts.engineers().stream().filter(e -> e.joinedOn() != null
                && e.joinedOn().isAfter(since) && !e.joinedOn().isAfter(asOf)).toList();
        List<Engineer> stayed = joined.stream().filter(e -> e.leftOn() == null || e.leftOn().isAfter(asOf)).toList();
        joined.forEach(e -> {
            evidence.add(e.joinedEventId());
            if (e.leftOn() != null && !e.leftOn().isAfter(asOf)) {
                evidence.add(e.leftEventId());
            }
        });
        return values("joined", joined.size(), "stillOn", stayed.size(),
                "ratio", round(Stats.ratio(stayed.size(), joined.size())));
    }

    private Map<String, Number> ownershipCoverage(Window w, Set<String> evidence) {
        Map<String, OwnershipChange> latest = new LinkedHashMap<>();
        facts.ownershipChanges().stream()
                .filter(c -> !Window.day(c.recordedAt()).isAfter(w.asOf()))
                .sorted(Comparator.comparingLong(OwnershipChange::sequence).thenComparing(OwnershipChange::recordedAt))
                .forEach(c -> latest.put(c.area(), c));
        latest.values().forEach(c -> evidence.add(c.eventId()));
        long owned = latest.values().stream().filter(c -> c.ownerId() != null).count();
        return values("owned", owned, "areas", OWNERSHIP_AREAS, "ratio", round(Stats.ratio(owned, OWNERSHIP_AREAS)));
    }

    private Map<String, Number> governanceCadence(Window w, Set<String> evidence) {
        LocalDate asOf = w.asOf();
        Set<LocalDate> reviewWeeks = new LinkedHashSet<>();
        facts.reviews().stream().filter(r -> "WEEKLY_METRICS".equals(r.kind()) && w.contains(r.heldOn()))
                .forEach(r -> {
                    reviewWeeks.add(Window.monday(r.heldOn()));
                    evidence.add(r.eventId());
                });
        // weeks due: every completed ISO week of the window since the start week; the current, unfinished week
        // counts only once its review is held, so that a Monday never shows a missed review
        long due = 0;
        long held = 0;
        if (start != null) {
            LocalDate first = Window.monday(w.from() == null || w.from().isBefore(start) ? start : w.from());
            LocalDate currentWeek = Window.monday(asOf);
            for (LocalDate m = first; !m.isAfter(currentWeek); m = m.plusWeeks(1)) {
                boolean complete = !m.plusDays(6).isAfter(asOf);
                boolean reviewed = reviewWeeks.contains(m);
                if (complete || reviewed) {
                    due++;
                    held += reviewed ? 1 : 0;
                }
            }
        }
        var decisions = facts.decisions().stream().filter(d -> w.contains(d.acceptedAt())).toList();
        decisions.forEach(d -> evidence.add(d.eventId()));
        Number week8 = null;
        if (start != null) {
            // the week-8 review is on time when held by the end of engagement week 9 (day 63)
            LocalDate deadline = start.plusDays(62);
            var onTime = facts.reviews().stream().filter(r -> "WEEK_8_GOVERNANCE".equals(r.kind())
                    && !r.heldOn().isAfter(deadline) && !r.heldOn().isAfter(asOf)).findFirst();
            onTime.ifPresent(r -> evidence.add(r.eventId()));
            if (onTime.isPresent()) {
                week8 = 1;
            } else if (asOf.isAfter(deadline)) {
                week8 = 0;
            }
        }
        return values("weeksDue", due, "weeksReviewed", held, "onTimeRatio", round(Stats.ratio(held, due)),
                "week8ReviewOnTime", week8, "decisions", decisions.size(),
                "decisionsPerWeek", round(decisions.size() / w.weeks()));
    }

    private Map<String, Number> onboarding(Window w, Set<String> evidence) {
        LocalDate asOf = w.asOf();
        List<Engineer> present = facts.engineers().stream().filter(e -> e.joinedOn() != null
                && !e.joinedOn().isAfter(asOf) && (e.leftOn() == null || e.leftOn().isAfter(asOf))).toList();
        // the first month is observation by design: only engineers with 30 days or more are expected to contribute
        List<Engineer> eligible = present.stream()
                .filter(e -> ChronoUnit.DAYS.between(e.joinedOn(), asOf) >= 30).toList();
        long contributing = eligible.stream().filter(e -> e.phaseRank() >= 1).count();
        present.forEach(e -> {
            evidence.add(e.joinedEventId());
            evidence.add(e.phaseEventId());
        });
        Function<Integer, Long> inPhase = rank -> present.stream().filter(e -> e.phaseRank() == rank).count();
        return values("engineers", present.size(), "observation", inPhase.apply(0), "contribution", inPhase.apply(1),
                "accountableOwnership", inPhase.apply(2), "eligible", eligible.size(),
                "ratio", round(Stats.ratio(contributing, eligible.size())));
    }

    private Map<String, Number> knowledgeTransfer(Window w, Set<String> evidence) {
        var scores = facts.knowledgeTransfers().stream().filter(k -> w.contains(k.assessedOn())).toList();
        scores.forEach(k -> evidence.add(k.eventId()));
        return values("assessments", scores.size(),
                "mean", round(Stats.mean(scores.stream().map(EngagementFacts.KnowledgeTransfer::score).toList())));
    }

    private LocalDate firstFactDay() {
        return facts.workItems().stream().map(WorkItem::deliveredAt).filter(Objects::nonNull).map(Window::day)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    public static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Double value(Map<String, Measure> measures, String measure, String key) {
        return dbl(measures.get(measure).current().get(key));
    }

    private static Double dbl(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static Map<String, Number> values(Object... pairs) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Number) pairs[i + 1]);
        }
        return values;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(CYCLE_TIME, "Days from a work item's start to its first delivery (payload times), median and "
                + "nearest-rank 85th percentile, over the items delivered in the period.");
        d.put(RELEASE_PREDICTABILITY, "Releases shipped in the period no later than one day after their planned "
                + "date / releases shipped in the period.");
        d.put(DEFECT_LEAKAGE, "Defects found in production / all defects found in the period (by foundAt).");
        d.put(REWORK_RATE, "Items first delivered in the period that were reopened within 30 days of delivery / "
                + "items first delivered in the period.");
        d.put(INCIDENT_TREND, "Incidents detected in the period by severity, per week; mean minutes from detection "
                + "to acknowledgement (MTTA) and mean hours from detection to resolution (MTTR).");
        d.put(SATISFACTION, "Mean stakeholder rating (1-5) of the period; trend = mean of the last four ISO weeks "
                + "minus the mean of the four weeks before.");
        d.put(TIME_TO_FIRST_DELIVERY, "Days from the engagement's start date to the first increment shipped "
                + "(the first release shipped or FIRST_INCREMENT_SHIPPED milestone, whichever is earlier).");
        d.put(RETENTION, "Engineers who joined in the 12 months up to the day and are still on the engagement / "
                + "engineers who joined in those 12 months.");
        d.put(OWNERSHIP_COVERAGE, "Areas of the ownership matrix with an owner / all 12 areas, as of the day.");
        d.put(GOVERNANCE_CADENCE, "ISO weeks with a WEEKLY_METRICS review / weeks due; whether the week-8 governance "
                + "review was held by day 63; decisions accepted in the period and per week.");
        d.put(ONBOARDING, "Engineers on the engagement for 30 days or more who reached CONTRIBUTION or "
                + "ACCOUNTABLE_OWNERSHIP / engineers on the engagement for 30 days or more.");
        d.put(KNOWLEDGE_TRANSFER, "Mean knowledge-transfer score (1-5) of the assessments made in the period.");
        return java.util.Collections.unmodifiableMap(d);
    }
}
