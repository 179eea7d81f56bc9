package com.engagementledger.notification.schedule;

import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;

import java.time.Instant;
import java.util.List;

/**
 * A time rule's promise: "raise this alert at dueAt unless the condition clears first". The alert is written out when
 * the deadline is registered, because what it says (an incident's title, a threshold) is known then, not when it fires.
 */
public record Deadline(AlertCondition condition, Instant dueAt, AlertSeverity severity, String message,
                       List<String> causes) {
}
