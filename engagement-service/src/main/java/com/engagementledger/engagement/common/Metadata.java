package com.engagementledger.engagement.common;

/** Keys of the metadata every stored event carries (copied from its command by Axon's correlation providers). */
public final class Metadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_SIDE = "actorSide";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String ENGAGEMENT_ID = "engagementId";

    private Metadata() {
    }
}
