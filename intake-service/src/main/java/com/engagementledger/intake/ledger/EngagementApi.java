package com.engagementledger.intake.ledger;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;

/**
 * engagement-service's public REST API, as intake uses it: each command with the SERVICE token of its engagement
 * and an Idempotency-Key, so that sending it again (a redelivery, a retry after an outage, a replay) records nothing
 * twice — engagement-service answers a repeated key with the first answer.
 */
@Component
public class EngagementApi {
    private final RestClient http;
    private final ServiceToken tokens;
    private final ObjectMapper json;

    EngagementApi(RestClient.Builder builder, EngagementServiceProperties properties, ServiceToken tokens,
                  ObjectMapper json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.tokens = tokens;
        this.json = json;
    }

    /** engagement-service's answer to a command: done (the resource and its new version) or refused (its rule). */
    public sealed interface Answer {
    }

    public record Done(String resourceId, long version) implements Answer {
    }

    public record Refused(int status, String rule, String detail) implements Answer {
    }

    record StartWorkItem(String title, Instant startedAt) {
    }

    record DeliverWorkItem(Instant deliveredAt) {
    }

    record ReopenWorkItem(Instant reopenedAt, String reason) {
    }

    record PlanRelease(String name, LocalDate plannedFor) {
    }

    record ShipRelease(LocalDate shippedOn) {
    }

    record RecordDefect(DefectStage stage, Severity severity, Instant foundAt, String description) {
    }

    public Answer startWorkItem(String engagementId, String key, String title, Instant startedAt) {
        return post(engagementId, key, "/work-items", new StartWorkItem(title, startedAt));
    }

    public Answer deliverWorkItem(String engagementId, String key, String workItemId, Instant deliveredAt) {
        return post(engagementId, key, "/work-items/" + workItemId + "/delivery", new DeliverWorkItem(deliveredAt));
    }

    public Answer reopenWorkItem(String engagementId, String key, String workItemId, Instant reopenedAt,
                                 String reason) {
        return post(engagementId, key, "/work-items/" + workItemId + "/reopening",
                new ReopenWorkItem(reopenedAt, reason));
    }

    public Answer planRelease(String engagementId, String key, String name, LocalDate plannedFor) {
        return post(engagementId, key, "/releases", new PlanRelease(name, plannedFor));
    }

    public Answer shipRelease(String engagementId, String key, String releaseId, LocalDate shippedOn) {
        return post(engagementId, key, "/releases/" + releaseId + "/shipment", new ShipRelease(shippedOn));
    }

    public Answer recordDefect(String engagementId, String key, DefectStage stage, Severity severity,
                               Instant foundAt, String description) {
        return post(engagementId, key, "/defects", new RecordDefect(stage, severity, foundAt, description));
    }

    private Answer post(String engagementId, String key, String path, Object body) {
        try {
            return http.post()
                    .uri("/engagements/{engagementId}" + path, engagementId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        h.setBearerAuth(tokens.forEngagement(engagementId));
                        h.set("Idempotency-Key", key);
                    })
                    .body(body)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new EngagementServiceUnavailable("engagement-service cannot be reached: " + e.getMessage(), e);
        }
    }

    private Answer answer(HttpStatusCode status, byte[] body) throws IOException {
        if (status.is2xxSuccessful()) {
            JsonNode result = json.readTree(body);
            return new Done(result.path("id").asText(), result.path("version").asLong());
        }
        // 401: the token is not taken (a secret that differs, a clock that drifts): intake's fault, not the fact's
        if (status.is5xxServerError() || status.value() == 429 || status.value() == 401 || status.value() == 408) {
            throw new EngagementServiceUnavailable("engagement-service answered " + status.value(), null);
        }
        JsonNode problem = body.length == 0 ? json.missingNode() : json.readTree(body);
        return new Refused(status.value(), problem.path("rule").asText("http." + status.value()),
                problem.path("detail").asText(null));
    }
}
