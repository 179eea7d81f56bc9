package com.engagementledger.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Year;

/**
 * A time is an ISO-8601 string. The java.time deserializers also take epoch numbers ({@code 1785751200} for an
 * instant, {@code 20668} for a date, seconds or millis depending on settings) and arrays ({@code [2026, 8, 3]}),
 * and ignore the coercion settings for them; this module makes each of them refuse anything but a string.
 * {@link Year} keeps its number.
 */
final class TimesAsText extends SimpleModule {

    TimesAsText() {
        super("ledger-times-as-text");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type.getPackageName().equals("java.time") && type != Year.class && !type.isEnum()
                        ? new TextOnly(deserializer) : deserializer;
            }
        });
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, context);
        }
    }
}
