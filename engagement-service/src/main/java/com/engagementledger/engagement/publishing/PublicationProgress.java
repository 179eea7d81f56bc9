package com.engagementledger.engagement.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far publication is behind the event store: the newest stored global position minus the newest position the
 * publishing processor has committed (i.e. Kafka acknowledged). Exposed as the gauge {@code ledger.publication.lag}.
 */
@Component
class PublicationProgress {
    static final String LAG_GAUGE = "ledger.publication.lag";

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    PublicationProgress(JdbcClient jdbc, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.processing = processing;
        Gauge.builder(LAG_GAUGE, this, p -> p.lag().map(Long::doubleValue).orElse(Double.NaN))
                .description("newest stored global position minus newest position published to Kafka")
                .baseUnit("events")
                .register(meters);
    }

    long newestStored() {
        Long newest = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                .query(Long.class).single();
        return newest == null ? 0 : newest;
    }

    /** Empty when this instance holds no segment of the publisher (another instance publishes, or it is stopped). */
    OptionalLong newestPublished() {
        return processor().map(p -> p.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min())
                .orElse(OptionalLong.empty());
    }

    Optional<Long> lag() {
        OptionalLong published = newestPublished();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, newestStored() - published.getAsLong()));
    }

    /** True while the publisher is running and none of its segments is backing off after an error. */
    boolean publishing() {
        return processor().map(p -> p.isRunning() && !p.isError()).orElse(false);
    }

    Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class);
    }
}
