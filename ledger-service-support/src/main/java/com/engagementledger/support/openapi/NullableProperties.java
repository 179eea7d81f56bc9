package com.engagementledger.support.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

/**
 * A property annotated {@code @Nullable} (Spring's, Jakarta's or JSpecify's: any annotation of that simple name) is
 * declared {@code nullable} in the document, so that the code says once which fields can be null: the answers write
 * {@code null} rather than leave a field out. A reference is wrapped in {@code allOf}, because OpenAPI 3.0 ignores
 * {@code nullable} beside a {@code $ref}.
 */
class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || !nullable(type.getCtxAnnotations())) {
            return property;
        }
        if (property.get$ref() != null) {
            ComposedSchema wrapped = new ComposedSchema();
            wrapped.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
            wrapped.setNullable(true);
            wrapped.setDescription(property.getDescription());
            return wrapped;
        }
        property.setNullable(true);
        return property;
    }

    private static boolean nullable(Annotation[] annotations) {
        return annotations != null && Arrays.stream(annotations)
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }
}
