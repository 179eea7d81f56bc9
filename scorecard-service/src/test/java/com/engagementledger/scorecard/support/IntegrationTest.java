package com.engagementledger.scorecard.support;

import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.testsupport.EmbeddedLedger;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Base of every Spring test: the real PostgreSQL and Kafka of this JVM, one cached application context, a fixed
 * "today" (Friday 2026-03-27, ISO week 2026-W13) so that hand-computed numbers stay true. Tests never wipe data:
 * each uses fresh engagement ids.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.scorecard.fixed-clock=" + IntegrationTest.TODAY,
        "ledger.kafka.retry.initial-interval=100ms", "ledger.kafka.retry.max-elapsed=1s"})
@EmbeddedLedger(database = "ledger_scorecard")
public abstract class IntegrationTest {
    public static final String TODAY = "2026-03-27T12:00:00Z";
    protected static final LedgerInfrastructure INFRA = LedgerInfrastructure.shared();
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A client-side lead whose token lists these engagements only. */
    protected static String leadOf(String... engagements) {
        return TestTokens.token("lead-1").roles("LEAD").engagements(engagements).sign();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpResponse<String> get(String path, String token) {
        return get(path, token, "application/json");
    }

    protected HttpResponse<String> get(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> post(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> post(String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** Waits until every one of the given event ids was applied to the active generation. */
    protected void awaitApplied(List<String> eventIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_event
                        WHERE generation = (SELECT id FROM generation WHERE state = 'ACTIVE') AND event_id = ANY (?)""")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single() == eventIds.size());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
