package com.engagementledger.notification.rules;

/** An engineer of the engagement: the subject of an early-departure alert. */
record EngineerId(String value) {
}
