package com.engagementledger.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Spring MVC's JSON converter with the strict reading rules of {@link StrictJson}, and a {@link JsonBodyScan} of the
 * body's tokens before binding. The body is read whole first: the body-size limit has already bounded it, and a
 * request is either refused as a whole or bound as a whole. Writing is unchanged.
 */
class StrictJsonHttpMessageConverter extends MappingJackson2HttpMessageConverter {

    StrictJsonHttpMessageConverter(ObjectMapper application) {
        super(StrictJson.copyOf(application));
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return super.read(type, contextClass, scanned(input));
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return super.readInternal(type, scanned(input));
    }

    private HttpInputMessage scanned(HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (body.length > 0) {
            try (JsonParser parser = parser(body, input.getHeaders().getContentType())) {
                JsonBodyScan.check(parser);
            } catch (StreamReadException notJson) {
                throw new HttpMessageNotReadableException("JSON parse error: " + notJson.getOriginalMessage(),
                        notJson, input);
            }
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** As the binding will read it: UTF-8 (or the Unicode form the bytes show) unless the type names a charset. */
    private JsonParser parser(byte[] body, MediaType contentType) throws IOException {
        Charset charset = contentType == null ? null : contentType.getCharset();
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            return getObjectMapper().getFactory().createParser(body);
        }
        return getObjectMapper().getFactory().createParser(new InputStreamReader(new ByteArrayInputStream(body),
                charset));
    }
}
