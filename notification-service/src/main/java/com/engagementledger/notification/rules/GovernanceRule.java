package com.engagementledger.notification.rules;

/** One governance rule of DOMAIN.md, named as the alert it raises. */
interface GovernanceRule {
    /** The published rule name (one of {@link RuleNames#ALL}). */
    String name();

    Reactions reactions();
}
