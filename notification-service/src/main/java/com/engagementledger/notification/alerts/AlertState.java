package com.engagementledger.notification.alerts;

public enum AlertState { OPEN, ACKNOWLEDGED, RESOLVED }
