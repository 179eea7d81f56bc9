package com.engagementledger.engagement.common;

/**
 * A command refused because it breaks a domain rule. The rule name is stable (e.g. {@code decision.category.client-only})
 * so that clients can act on it; the web layer answers 422 with it.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** Throws when the condition does not hold. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }
}
