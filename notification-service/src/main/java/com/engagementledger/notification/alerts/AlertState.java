package com.engagementledger.notification.alerts;

enum AlertState { OPEN, ACKNOWLEDGED, RESOLVED }
