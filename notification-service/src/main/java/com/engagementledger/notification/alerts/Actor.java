package com.engagementledger.notification.alerts;

/** Who made a lifecycle change: a token's subject and side, or the service itself for rule-driven changes. */
record Actor(String id, String side) {
    public static final Actor SYSTEM = new Actor("notification-service", null);
}
