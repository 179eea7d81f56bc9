package com.engagementledger.support.consuming;

import com.engagementledger.support.problem.DatabaseUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * The back-off of a consumer's record that failed because of its own database's momentary state (unreachable,
 * deadlock victim, serialization failure): retried at a fixed interval for as long as it takes, never dead-lettered,
 * because the message is fine and dead-lettering it would skip it. Any other failure gets the error handler's
 * default back-off (null), then the dead-letter topic. For {@code DefaultErrorHandler#setBackOffFunction}.
 */
public final class WaitOutTheDatabase implements BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> {
    private final Duration interval;

    public WaitOutTheDatabase(Duration interval) {
        this.interval = interval;
    }

    @Override
    public BackOff apply(ConsumerRecord<?, ?> record, Exception failure) {
        return DatabaseUnavailable.isTransient(failure)
                ? new FixedBackOff(interval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null;
    }
}
