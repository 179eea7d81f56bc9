package com.engagementledger.support.consuming;

import com.engagementledger.support.problem.DatabaseUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * The back-off of a consumer's record that failed because of its own database's momentary state (unreachable,
 * deadlock victim, serialization failure): retried at a fixed interval for as long as it takes, never dead-lettered,
 * because the message is fine and dead-lettering it would skip it. Any other failure gets the error handler's
 * default back-off (null), then the dead-letter topic. For {@code DefaultErrorHandler#setBackOffFunction}.
 * <p>
 * The error handler asks for a record's back-off only when the record first fails, or when the class of its failure
 * changes. A batch listener names its failing record with {@link #failedAt}, whose two classes tell the kinds apart,
 * so a record that first failed for another reason (say, a rollback on a connection that had just broken) and then
 * finds the database down starts waiting instead of running out its retries into the dead-letter topic.
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

    /** What a batch listener throws when the record at {@code index} of its batch could not be applied. */
    public static BatchListenerFailedException failedAt(int index, String message, Throwable cause) {
        return DatabaseUnavailable.isTransient(cause)
                ? new DatabaseMomentarilyRefused(message, cause, index) : new RecordFailed(message, cause, index);
    }

    static final class DatabaseMomentarilyRefused extends BatchListenerFailedException {
        DatabaseMomentarilyRefused(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    static final class RecordFailed extends BatchListenerFailedException {
        RecordFailed(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }
}
