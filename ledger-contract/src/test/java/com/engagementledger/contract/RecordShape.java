package com.engagementledger.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The JSON-relevant shape of an event record as one line: its components in order with their Java types, nested
 * records spelled out, e.g. {@code EngagementPaused(engagementId:String, reason:String)}.
 */
final class RecordShape {
    private RecordShape() {
    }

    static String of(Class<?> record) {
        return record.getSimpleName() + components(record);
    }

    private static String components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordShape::component)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String component(RecordComponent component) {
        return component.getName() + ":" + type(component.getGenericType());
    }

    private static String type(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return type(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(RecordShape::type).collect(Collectors.joining(",", "<", ">"));
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return raw.getSimpleName() + components(raw);
        }
        return raw.getSimpleName();
    }
}
