package com.engagementledger.notification.alerts;

/** The condition an alert is about; its dedupe key keeps one unresolved alert per condition. */
public record AlertCondition(String rule, String engagementId, String subject) {
    public String dedupeKey() {
        return rule + "|" + engagementId + "|" + subject;
    }
}
