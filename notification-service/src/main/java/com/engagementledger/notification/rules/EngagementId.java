package com.engagementledger.notification.rules;

import com.engagementledger.contract.LedgerEvent;

/** The engagement a fact belongs to; typed so that it cannot be passed where an alert's subject is meant. */
record EngagementId(String value) {
    static EngagementId of(LedgerEvent event) {
        return new EngagementId(event.engagementId());
    }
}
