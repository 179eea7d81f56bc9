package com.engagementledger.engagement.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests: real requests to the running service, JSON in and out. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String id() {
            return json.get("id").asText();
        }
    }

    public Api header(String name, String value) {
        Api copy = new Api(port, token);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String s ? s : write(body));
    }

    public Response postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // some answers (CSV, NDJSON) are not one JSON document
            }
            return new Response(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
