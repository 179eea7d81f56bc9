package com.engagementledger.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Problem Details statuses a controller method answers beyond those its shape implies (see {@link ProblemResponses}),
 * e.g. 404 for an engagement named in a query parameter or in a body. Each is declared with the shared
 * {@code Problem} schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AlsoAnswers {
    /** HTTP statuses, e.g. {@code 404}. */
    int[] value();
}
