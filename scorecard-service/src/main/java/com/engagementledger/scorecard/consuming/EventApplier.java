package com.engagementledger.scorecard.consuming;

import com.engagementledger.scorecard.generations.Generations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Applies messages to the read model: the facts and the processed-event records commit in one transaction. */
@Component
public class EventApplier {
    private final Projection projection;
    private final Generations generations;
    private final TransactionTemplate tx;
    private final Counter applied;
    private final Counter duplicates;

    public EventApplier(Projection projection, Generations generations, TransactionTemplate tx, MeterRegistry meters) {
        this.projection = projection;
        this.generations = generations;
        this.tx = tx;
        this.applied = Counter.builder("scorecard.events.applied").description("events applied to the read model")
                .register(meters);
        this.duplicates = Counter.builder("scorecard.events.duplicate")
                .description("events skipped because their ce_id was already processed").register(meters);
    }

    /** Live consumption: into every writable generation (the active one and one being rebuilt). */
    public void applyLive(List<LedgerMessage> messages) {
        tx.executeWithoutResult(status -> {
            List<Integer> targets = generations.writable();
            // the active generation has the lowest id (a building one is always newer): its count is reported
            int applied = projection.applyAll(targets.get(0), messages);
            targets.subList(1, targets.size()).forEach(generation -> projection.applyAll(generation, messages));
            this.applied.increment(applied);
            duplicates.increment(messages.size() - applied);
        });
    }

    /** Rebuild: into one generation only. */
    public void applyTo(int generation, List<LedgerMessage> messages) {
        tx.executeWithoutResult(status -> projection.applyAll(generation, messages));
    }
}
