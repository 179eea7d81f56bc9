package com.engagementledger.notification.rules;

/** An incident: the subject of the incident rules' alerts. */
record IncidentId(String value) {
}
