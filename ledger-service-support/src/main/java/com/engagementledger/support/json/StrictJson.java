package com.engagementledger.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The reading rules of request bodies, applied to a copy of the application's ObjectMapper (its modules and naming
 * stay; the mapper itself, which Kafka consumers and Axon may share, is left as it is): one document, each key once,
 * each scalar of its field's own JSON type. A number is never read as text, a string never as a number or a boolean,
 * a fraction never as a whole number, a number never as a time, an enum or a boolean; null is never read as 0.
 * A whole number is still read as a fraction ({@code 4} for {@code 4.0}): that loses nothing.
 */
final class StrictJson {
    private StrictJson() {
    }

    static ObjectMapper copyOf(ObjectMapper application) {
        ObjectMapper strict = application.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        fail(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        fail(strict, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean);
        fail(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        fail(strict, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String);
        fail(strict, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        strict.registerModule(new TimesAsText());
        fail(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        return strict;
    }

    private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
