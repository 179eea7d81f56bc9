package com.engagementledger.engagement.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Axon's Micrometer module does not measure: how many segments of each streaming processor this instance has
 * claimed: 0 on an instance that stands by, all of them on the one that works, a share when several work.
 */
@Component
class SegmentMetrics {
    static final String CLAIMED = "ledger.processor.segments.claimed";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;

    SegmentMetrics(EventProcessingConfiguration processing, MeterRegistry meters) {
        this.processing = processing;
        this.meters = meters;
    }

    /** After Axon built its processors, which the Spring context does before it reports itself started. */
    @EventListener(ApplicationStartedEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(CLAIMED, streaming, p -> p.processingStatus().size())
                        .description("segments of the processor this instance has claimed").tag("processor", name)
                        .register(meters);
            }
        });
    }
}
