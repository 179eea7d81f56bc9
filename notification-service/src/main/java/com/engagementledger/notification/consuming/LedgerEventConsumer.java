package com.engagementledger.notification.consuming;

import com.engagementledger.contract.LedgerCloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads CloudEvents (binary mode) from the ledger topic; offsets are committed only after applyOnce committed. */
@Component
class LedgerEventConsumer {
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final EventApplier applier;

    LedgerEventConsumer(EventApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "ledger-events", topics = LedgerCloudEvents.EVENTS_TOPIC,
            groupId = "${ledger.notification.consumer.group-id}",
            autoStartup = "${ledger.notification.consumer.auto-startup:true}",
            containerFactory = "ledgerEventsContainerFactory")
    void onMessage(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
        applier.applyOnce(event);
    }
}
