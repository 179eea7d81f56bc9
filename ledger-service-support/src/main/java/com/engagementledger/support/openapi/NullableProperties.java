package com.engagementledger.support.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A property annotated {@code @Nullable} (Spring's, Jakarta's or JSpecify's: any annotation of that simple name) is
 * declared {@code nullable} in the document, so that the code says once which fields can be null: the answers write
 * {@code null} rather than leave a field out. A property annotated {@link NullableValues} is a map whose values are.
 */
class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null) {
            return property;
        }
        Annotation[] annotations = type.getCtxAnnotations();
        if (has(annotations, NullableValues.class.getSimpleName())) {
            nullableValues(property);
        }
        return has(annotations, "Nullable") ? nullable(property) : property;
    }

    /**
     * The schema that also admits {@code null}. A reference is wrapped in {@code allOf}, because OpenAPI 3.0 ignores
     * {@code nullable} beside a {@code $ref}; an enumeration lists {@code null} among its values, as OpenAPI 3.0.3
     * asks (an {@code enum} is checked before {@code nullable}).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema schema) {
        if (schema.get$ref() != null) {
            ComposedSchema wrapped = new ComposedSchema();
            wrapped.setAllOf(List.of(new Schema<>().$ref(schema.get$ref())));
            wrapped.setNullable(true);
            wrapped.setDescription(schema.getDescription());
            return wrapped;
        }
        schema.setNullable(true);
        if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
            List values = new ArrayList<>(schema.getEnum());
            values.add(null);
            schema.setEnum(values);
        }
        return schema;
    }

    /** Makes the innermost values of a map (of maps) nullable. */
    @SuppressWarnings("rawtypes")
    static void nullableValues(Schema map) {
        Schema parent = map;
        while (parent.getAdditionalProperties() instanceof Schema values) {
            if (values.getAdditionalProperties() instanceof Schema) {
                parent = values;
            } else {
                parent.setAdditionalProperties(nullable(values));
                return;
            }
        }
    }

    private static boolean has(Annotation[] annotations, String simpleName) {
        return annotations != null && Arrays.stream(annotations)
                .anyMatch(a -> a.annotationType().getSimpleName().equals(simpleName));
    }
}
