package com.engagementledger.scorecard.consuming;

import com.engagementledger.contract.LedgerEvent;

import java.time.Instant;

/** One CloudEvent from the topic: its envelope (for de-duplication and evidence) and the decoded payload. */
public record LedgerMessage(String eventId, String type, String engagementId, Instant recordedAt, String actor,
                            String actorSide, long aggregateSequence, long globalPosition, LedgerEvent event) {
}
