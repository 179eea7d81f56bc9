package com.engagementledger.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values of this map (of a map of maps: its innermost values) can be {@code null}, e.g. an ownership area nobody
 * owns or a measure without data. On a property or on a controller method answering such a map. {@code @Nullable}
 * cannot say it: an annotation on a map's type argument is not visible to the document's model.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface NullableValues {
}
