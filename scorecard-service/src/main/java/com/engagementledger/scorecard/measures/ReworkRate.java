package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Reopen;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Rework rate: delivered items reopened within 30 days / delivered items. */
final class ReworkRate extends Measure {
    static final String NAME = "rework-rate";
    static final String RATIO = "ratio";
    private static final Duration WITHIN = Duration.ofDays(30);

    ReworkRate() {
        super(NAME, "Items first delivered in the period that were reopened within 30 days of delivery / items first "
                + "delivered in the period.");
    }

    /** Evidence: the delivery of every item counted and each reopening that made it rework. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        Map<WorkItemId, List<Reopen>> reopens = facts.reopens().stream()
                .collect(Collectors.groupingBy(Reopen::workItemId));
        Reading.Builder reading = Reading.builder();
        long delivered = 0;
        long reopened = 0;
        for (WorkItem item : facts.workItems()) {
            if (!window.contains(item.deliveredAt())) {
                continue;
            }
            delivered++;
            reading.evidence(item.deliveredEventId());
            List<Reopen> within = reopens.getOrDefault(item.id(), List.of()).stream()
                    .filter(reopen -> isRework(reopen, item)).toList();
            if (!within.isEmpty()) {
                reopened++;
                within.forEach(reopen -> reading.evidence(reopen.eventId()));
            }
        }
        return reading.value("delivered", delivered)
                .value("reopened", reopened)
                .value(RATIO, round(Stats.ratio(reopened, delivered)))
                .build();
    }

    /** Counted from the delivery the reopen refers to (a later re-delivery), else from the first delivery. */
    private static boolean isRework(Reopen reopen, WorkItem item) {
        Instant deliveredAt = reopen.deliveredAt() != null ? reopen.deliveredAt() : item.deliveredAt();
        return !reopen.reopenedAt().isBefore(deliveredAt)
                && Duration.between(deliveredAt, reopen.reopenedAt()).compareTo(WITHIN) <= 0;
    }
}
