package com.engagementledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small client of engagement-service's public REST API: JSON bodies, bearer tokens and an Idempotency-Key on
 * every POST, so that replaying the same script records nothing twice.
 */
final class LedgerClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String keyPrefix;
    private int sequence;
    private int posts;

    LedgerClient(String baseUrl, String keyPrefix) {
        this.baseUrl = baseUrl;
        this.keyPrefix = keyPrefix;
    }

    /** A JSON object from alternating names and values; null values are left out. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                body.put((String) namesAndValues[i], value instanceof Enum<?> e ? e.name()
                        : value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                          || value instanceof Iterable<?> || value instanceof Map<?, ?> ? value : value.toString());
            }
        }
        return body;
    }

    /** POSTs a command and answers the id of the resource it created or changed. */
    String post(String token, String path, Map<String, Object> body) {
        String key = keyPrefix + "-" + (++sequence);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .header("Accept", "application/json");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new DemoFailure("POST " + path + " answered " + response.statusCode() + ": " + response.body()
                    + (body == null ? "" : "\n  request body: " + write(body)));
        }
        posts++;
        return read(response.body()).path("id").asText();
    }

    JsonNode get(String token, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build());
        if (response.statusCode() != 200) {
            throw new DemoFailure("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    int posts() {
        return posts;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DemoFailure("not JSON: " + body);
        }
    }

    /** The service refused a step of the demo; the message carries its Problem Details. */
    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}
