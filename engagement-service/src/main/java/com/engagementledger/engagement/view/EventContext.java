package com.engagementledger.engagement.view;

import java.time.Instant;

/** What a fold may use besides the payload: when the event was recorded, by whom, at which sequence. */
public record EventContext(String eventId, long sequence, Instant recordedAt, String actor, String actorSide) {
}
