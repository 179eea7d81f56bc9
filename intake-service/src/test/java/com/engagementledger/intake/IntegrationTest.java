package com.engagementledger.intake;

import com.engagementledger.testsupport.EmbeddedLedger;
import com.engagementledger.testsupport.ProblemAssert;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * One Spring context for intake's integration tests, on the JVM's real PostgreSQL; engagement-service is the real
 * one in a child JVM ({@link EngagementServiceJvm}), started by the tests that record facts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = IntakeServiceApplication.class)
@ActiveProfiles("test")
@EmbeddedLedger(database = IntegrationTest.DATABASE)
public abstract class IntegrationTest {
    public static final String DATABASE = "ledger_intake";
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void engagementService(DynamicPropertyRegistry registry) {
        registry.add("ledger.intake.engagement-service.base-url", EngagementServiceJvm::baseUrl);
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A client-side lead of these engagements only. */
    protected static String lead(String... engagements) {
        return TestTokens.token("lead-" + String.join("-", engagements).hashCode()).side("CLIENT").roles("LEAD")
                .engagements(engagements).sign();
    }

    protected static String partner(String... engagements) {
        return TestTokens.token("partner-1").side("PARTNER").roles("PARTNER").engagements(engagements).sign();
    }

    /** Connects a GitHub repository to the engagement with this webhook secret; answers the connection's id. */
    protected String connectGitHub(String engagementId, String repository, String secret) {
        Response created = post("/engagements/" + engagementId + "/connections", lead(engagementId),
                Map.of("source", "github", "repository", repository, "webhookSecret", secret));
        if (created.status() != 201) {
            throw new IllegalStateException("connection not created: " + created.text());
        }
        return created.json().path("id").asText();
    }

    /** A GitHub example payload with its repository renamed, so each test has a repository of its own. */
    protected static byte[] gitHubExample(String file, String repository) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(resource("github/" + file + ".json"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) payload.path("repository"))
                    .put("full_name", repository);
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs as GitHub does: {@code sha256=} and the hex HMAC-SHA256 of the body under the secret. */
    protected static String gitHubSignature(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed GitHub delivery of this event. */
    protected Response deliverGitHub(String event, String deliveryId, byte[] body, String secret) {
        return deliver("github", body, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", gitHubSignature(secret, body)));
    }

    /** A test payload from src/test/resources, as bytes (what is signed is exactly what is sent). */
    protected static byte[] resource(String path) {
        try (InputStream in = IntegrationTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected record Response(int status, String contentType, String text) {
        public JsonNode json() {
            try {
                return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Assertions on a Problem Details answer. */
    protected static ProblemAssert problem(Response response) {
        return ProblemAssert.assertThatProblem(response.status(), response.contentType(), response.text());
    }

    protected Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    protected Response post(String path, String token, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : JSON.writeValueAsString(body))), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /** A webhook delivery as GitHub sends it: the raw body with these headers (a null header is left out). */
    protected Response deliver(String source, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/" + source))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return send(request, null);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
