package com.engagementledger.notification.rules;

import java.util.List;

/** The ledger event (its CloudEvents id) that caused an alert to open or to resolve. */
record EventId(String value) {
    List<String> asCauses() {
        return List.of(value);
    }
}
