package com.engagementledger.notification.alerts;

/** How urgently an alert needs a human; ordered so that a subscriber can ask for "at least WARNING". */
public enum AlertSeverity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(AlertSeverity minimum) {
        return compareTo(minimum) >= 0;
    }
}
