package com.engagementledger.intake.processing;

import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** What a test asks the real engagement-service directly: open an engagement, read what intake recorded. */
final class LedgerTestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = TestTokens.admin("intake-test-admin");

    private final String baseUrl;

    LedgerTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Opens an engagement that started on the day given (the example payloads are from May 2019). */
    String openEngagement(String startDate) {
        JsonNode opened = send(HttpRequest.newBuilder(URI.create(baseUrl + "/engagements"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.ofEntries(
                        Map.entry("name", "intake test"), Map.entry("clientName", "Client"),
                        Map.entry("partnerName", "Partner"), Map.entry("model", "DEDICATED_TEAM"),
                        Map.entry("managementStructure", "SHARED"), Map.entry("contractType", "TIME_AND_MATERIALS"),
                        Map.entry("clientTimeZone", "Europe/Berlin"), Map.entry("partnerTimeZone", "Asia/Kolkata"),
                        Map.entry("overlapStart", "09:00:00"), Map.entry("overlapEnd", "13:00:00"),
                        Map.entry("coveragePattern", "HALF_DAY_OVERLAP"), Map.entry("startDate", startDate))))),
                201);
        return opened.path("id").asText();
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), 200);
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("authorization", "Bearer " + ADMIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("engagement-service answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
