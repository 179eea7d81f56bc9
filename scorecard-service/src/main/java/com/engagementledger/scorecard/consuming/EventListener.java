package com.engagementledger.scorecard.consuming;

import com.engagementledger.support.consuming.WaitOutTheDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes the ledger's events in batches. The good prefix of a batch commits in one transaction; the listener then
 * names the first failing record, so the error handler commits the offsets before it, retries from it with backoff and
 * finally dead-letters it. Offsets are committed by the container only after the listener returned, i.e. after the
 * database commit: a crash in between means a redelivery, which the processed-event record turns into a no-op.
 */
@Component
class EventListener {
    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    private final EventApplier applier;
    private final MeterRegistry meters;

    public EventListener(EventApplier applier, MeterRegistry meters) {
        this.applier = applier;
        this.meters = meters;
        // present at 0 from the start (the series without a type), so a rate or an alert on it has a series before
        // the first unknown type arrives; each unknown type then counts in its own series beside it
        unknown("").register(meters);
    }

    @KafkaListener(id = "scorecard-events", topics = "${ledger.kafka.topic}", groupId = "scorecard", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<LedgerMessage> messages = new ArrayList<>(records.size());
        List<Integer> indexes = new ArrayList<>(records.size());
        RuntimeException poison = null;
        int poisonIndex = -1;
        for (int i = 0; i < records.size(); i++) {
            try {
                Optional<LedgerMessage> message = MessageReader.read(records.get(i));
                if (message.isPresent()) {
                    messages.add(message.get());
                    indexes.add(i);
                } else {
                    skipUnknown(records.get(i));
                }
            } catch (PoisonMessageException e) {
                poison = e;
                poisonIndex = i;
                break;
            }
        }
        applyOrLocate(messages, indexes);
        if (poison != null) {
            throw WaitOutTheDatabase.failedAt(poisonIndex, poison.getMessage(), poison);
        }
    }

    private void applyOrLocate(List<LedgerMessage> messages, List<Integer> indexes) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            applier.applyLive(messages);
        } catch (RuntimeException batchFailure) {
            // find the one that fails: apply one by one, each in its own transaction
            log.warn("batch of {} failed, applying one by one: {}", messages.size(), batchFailure.toString());
            for (int i = 0; i < messages.size(); i++) {
                try {
                    applier.applyLive(List.of(messages.get(i)));
                } catch (RuntimeException e) {
                    throw WaitOutTheDatabase.failedAt(indexes.get(i), "cannot apply " + messages.get(i).type() + " "
                            + messages.get(i).eventId() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void skipUnknown(ConsumerRecord<String, byte[]> record) {
        String type = MessageReader.header(record, "ce_type");
        log.debug("skipping unknown event type {} at {}-{}@{}", type, record.topic(), record.partition(),
                record.offset());
        unknown(type).register(meters).increment();
    }

    private static Counter.Builder unknown(String type) {
        return Counter.builder("scorecard.events.unknown").description("events of types this service does not know, skipped")
                .tag("type", type);
    }
}
