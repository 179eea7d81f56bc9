package com.engagementledger.intake.inbox;

import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A delivery's outcome as answered: {@code status} PENDING until processed (with the attempts so far and the last
 * error while engagement-service cannot be reached), then RECORDED, IGNORED or REJECTED.
 */
record DeliveryView(String deliveryId, String event, Instant receivedAt, Outcome.Status status,
                    @Nullable String reason, @Nullable String rule, List<Outcome.SentCommand> commands, int attempts,
                    @Nullable String lastError, @Nullable Instant processedAt) {
}
