package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.OwnershipChange;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Ownership coverage: owned areas / all areas of the ownership matrix. */
final class OwnershipCoverage extends Measure {
    static final String NAME = "ownership-coverage";
    static final String RATIO = "ratio";
    /** The areas of the ownership matrix, from PRIORITIES to SECURITY_POSTURE. */
    static final int AREAS = 12;

    OwnershipCoverage() {
        super(NAME, "Areas of the ownership matrix with an owner / all 12 areas, as of the day.");
    }

    /** Evidence: the latest change of every area with one, as of the window's last day (revocations included). */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        Map<String, OwnershipChange> latest = new LinkedHashMap<>();
        // ownership payloads carry no business time: the day the ledger recorded the change counts
        facts.ownershipChanges().stream()
                .filter(c -> !Window.day(c.recordedAt()).isAfter(window.asOf()))
                .sorted(Comparator.comparingLong(OwnershipChange::sequence).thenComparing(OwnershipChange::recordedAt))
                .forEach(c -> latest.put(c.area(), c));
        Reading.Builder reading = Reading.builder();
        latest.values().forEach(c -> reading.evidence(c.eventId()));
        long owned = latest.values().stream().filter(c -> c.ownerId() != null).count();
        return reading.value("owned", owned)
                .value("areas", AREAS)
                .value(RATIO, round(Stats.ratio(owned, AREAS)))
                .build();
    }
}
