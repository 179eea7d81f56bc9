package com.engagementledger.notification.rules;

/** A decision: the subject of a reversal alert, and what a successor supersedes. */
record DecisionId(String value) {
}
