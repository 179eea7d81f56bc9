package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Cycle time: started → first delivered, median and 85th percentile, in days. */
final class CycleTime extends Measure {
    static final String NAME = "cycle-time";
    static final String MEDIAN_DAYS = "medianDays";

    CycleTime() {
        super(NAME, "Days from a work item's start to its first delivery (payload times), median and nearest-rank 85th "
                + "percentile, over the items delivered in the period.");
    }

    /** Evidence: the started and the first delivered event of every item counted. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        Reading.Builder reading = Reading.builder();
        List<Double> days = new ArrayList<>();
        for (WorkItem item : facts.workItems()) {
            // a re-delivery after a reopen is rework, not a new cycle: the read model keeps the first delivery
            if (item.startedAt() != null && window.contains(item.deliveredAt())) {
                days.add(Duration.between(item.startedAt(), item.deliveredAt()).toMinutes() / 1440.0);
                reading.evidence(item.startedEventId(), item.deliveredEventId());
            }
        }
        return reading.value("delivered", days.size())
                .value(MEDIAN_DAYS, round(Stats.median(days)))
                .value("p85Days", round(Stats.percentile(days, 85)))
                .build();
    }
}
