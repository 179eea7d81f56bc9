package com.engagementledger.intake.inbox;

import java.time.Instant;
import java.util.UUID;

/** One delivery as received: the raw body exactly as it was signed, and the tool's event name. */
public record Delivery(long seq, UUID connectionId, String deliveryId, String event, byte[] payload,
                       Instant receivedAt) {
}
