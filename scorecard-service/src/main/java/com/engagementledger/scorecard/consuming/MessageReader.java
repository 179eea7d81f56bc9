package com.engagementledger.scorecard.consuming;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads a CloudEvent in Kafka binary mode straight from its {@code ce_*} headers. Reading the headers ourselves
 * (instead of a deserializer) means a bad message reaches the listener, where it is dead-lettered with its reason.
 */
public final class MessageReader {
    private MessageReader() {
    }

    /**
     * Empty when the type is unknown to this contract version (a newer producer): skip it. The event is the current
     * version of its type, whichever version the message carries.
     */
    public static Optional<LedgerMessage> read(ConsumerRecord<?, byte[]> record) {
        String type = header(record, "ce_type");
        if (type == null) {
            throw new PoisonMessageException("missing header ce_type", null);
        }
        Optional<Class<? extends LedgerEvent>> eventClass = EventCatalog.byName(type);
        if (eventClass.isEmpty()) {
            return Optional.empty();
        }
        String id = header(record, "ce_id");
        if (id == null || id.isBlank()) {
            throw new PoisonMessageException("missing header ce_id", null);
        }
        if (record.value() == null) {
            throw new PoisonMessageException("empty body for " + type, null);
        }
        Instant recordedAt = time(header(record, "ce_time"));
        LedgerEvent event;
        try {
            // an older version is lifted to the current one (its business time: ce_time, when it was recorded)
            event = LedgerCloudEvents.readCurrent(eventClass.get(), record.value(), recordedAt);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("body is not a valid " + type + ": " + rootMessage(e), e);
        }
        if (event.engagementId() == null || event.engagementId().isBlank()) {
            throw new PoisonMessageException("payload of " + type + " has no engagementId", null);
        }
        return Optional.of(new LedgerMessage(id, type, event.engagementId(), recordedAt,
                header(record, "ce_actor"), header(record, "ce_actorside"),
                number(header(record, "ce_aggregatesequence")), number(header(record, "ce_globalposition")), event));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
