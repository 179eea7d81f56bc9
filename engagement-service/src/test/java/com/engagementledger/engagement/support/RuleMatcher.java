package com.engagementledger.engagement.support;

import com.engagementledger.engagement.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link RuleViolation} by its stable rule name. */
public final class RuleMatcher extends TypeSafeMatcher<RuleViolation> {
    private final String rule;

    private RuleMatcher(String rule) {
        this.rule = rule;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Matcher<Object> violates(String rule) {
        return (Matcher) new RuleMatcher(rule);
    }

    @Override
    protected boolean matchesSafely(RuleViolation violation) {
        return rule.equals(violation.rule());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a violation of rule ").appendValue(rule);
    }

    @Override
    protected void describeMismatchSafely(RuleViolation item, Description mismatch) {
        mismatch.appendText("violated ").appendValue(item.rule()).appendText(": ").appendText(item.getMessage());
    }
}
