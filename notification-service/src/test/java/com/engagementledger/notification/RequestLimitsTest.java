package com.engagementledger.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared edge rules as notification-service answers them: its bodies are limited to 256 KiB like every
 * service's, its refusals quote a rejected value by a short prefix, and a NUL in a filter is a 400 naming it.
 */
class RequestLimitsTest extends IntegrationTest {
    private static final int LIMIT = 256 * 1024;

    private HttpResponse<String> postRaw(String path, String token, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] subscriptionOf(int bytes) {
        String padding = "a".repeat(bytes);
        return ("{\"url\":\"https://93.184.216.34/hook\",\"filter\":{\"rules\":[\"" + padding + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_body_over_256_kib_is_413_whether_its_length_is_declared_or_chunked() throws Exception {
        byte[] large = subscriptionOf(LIMIT + 1);
        String token = lead(newId());
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(large),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))) {
            HttpResponse<String> response = postRaw("/subscriptions", token, body);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("request.body.too-large");
        }
    }

    @Test
    void a_refusal_quotes_a_rejected_value_by_a_short_prefix_only() throws Exception {
        HttpResponse<String> response = postRaw("/subscriptions", lead(newId()),
                HttpRequest.BodyPublishers.ofByteArray(subscriptionOf(200_000)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("webhooks.filter.unknown-rule");
        assertThat(response.body().length()).isLessThan(2_000);

        Response url = post("/subscriptions", lead(newId()), Map.of("url", "ftp://" + "b".repeat(1_900)));
        assertThat(url.status()).isEqualTo(422);
        assertThat(url.body().toString().length()).isLessThan(1_000);
    }

    @Test
    void a_nul_in_a_filter_is_400_naming_the_parameter() {
        for (String parameter : List.of("rule", "engagementId")) {
            Response response = get("/alerts?" + parameter + "=%00", lead(newId()));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode body = response.body();
            assertThat(body.toString()).contains(parameter);
        }
    }
}
