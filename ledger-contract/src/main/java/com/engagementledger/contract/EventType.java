package com.engagementledger.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, versioned name of an event type (the CloudEvents {@code type}), e.g. {@code ledger.decision.accepted.v1}.
 * A shape change that is not purely additive gets a new record with a new version; the old one stays.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
