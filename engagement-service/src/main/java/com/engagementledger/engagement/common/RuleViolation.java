package com.engagementledger.engagement.common;

/**
 * A command refused because it breaks a domain rule. The rule name is stable (e.g. {@code decision.category.client-only})
 * so that clients can act on it; the web layer answers 422 with it.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;
    private final String field;

    public RuleViolation(String rule, String message) {
        this(rule, null, message);
    }

    /** A violation that one field of the request is at fault for, e.g. {@code effectiveAt}. */
    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** Throws when the condition does not hold. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }
}
