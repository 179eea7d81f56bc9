package com.engagementledger.notification.consuming;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.support.consuming.WaitOutTheDatabase;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CloudEvents (binary mode) from the ledger topic in batches. A batch is applied in one transaction; if that
 * fails, its events are applied one by one, each in its own transaction, and the first that fails is named to the
 * error handler, which commits the offsets before it, retries it with backoff and finally dead-letters it (or, while
 * the database is down, waits). Offsets are committed only after the listener returned, i.e. after the commit.
 */
@Component
class LedgerEventConsumer {
    private static final Logger log = LoggerFactory.getLogger(LedgerEventConsumer.class);

    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final EventApplier applier;

    LedgerEventConsumer(EventApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "ledger-events", topics = LedgerCloudEvents.EVENTS_TOPIC,
            groupId = "${ledger.notification.consumer.group-id}",
            autoStartup = "${ledger.notification.consumer.auto-startup:true}",
            containerFactory = "ledgerEventsContainerFactory", batch = "true")
    void onMessages(List<ConsumerRecord<String, byte[]>> records) {
        // the readable prefix of the batch; events.get(i) is records.get(i)
        List<CloudEvent> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(cloudEvents.deserialize(record.topic(), record.headers(), record.value()));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        apply(events);
        if (unreadable != null) {
            throw WaitOutTheDatabase.failedAt(events.size(), "unreadable CloudEvent: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private void apply(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            applier.applyAllOnce(events);
        } catch (RuntimeException batchFailure) {
            log.warn("batch of {} failed, applying one by one: {}", events.size(), batchFailure.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applier.applyOnce(events.get(i));
                } catch (RuntimeException e) {
                    log.warn("cannot apply {} {} yet: {}", events.get(i).getType(), events.get(i).getId(), e.toString());
                    throw WaitOutTheDatabase.failedAt(i, "cannot apply " + events.get(i).getType() + " "
                            + events.get(i).getId() + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
