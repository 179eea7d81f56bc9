package com.engagementledger.support.openapi;

import com.engagementledger.support.problem.ProblemCatalog;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Declares the Problem Details answers (docs/problems.md) each operation can give, all with the one {@code Problem}
 * schema. Which statuses an operation can answer follows from its shape, the way the shared edge decides them:
 * every call can be unauthenticated (401), forbidden (403), limited (429) or meet an unreachable database (503);
 * parameters or a body can be invalid (400); a path naming a resource can miss (404); a body can be too large (413)
 * or of another media type (415); an {@code If-Match} can fail to hold (412); a change can meet a stale version or a
 * state that refuses it (409) or break a domain rule (422). {@link AlsoAnswers} declares more; an answer a controller
 * already declared is left as it is.
 */
class ProblemResponses implements OpenApiCustomizer {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_FIELD_ERROR, fieldErrorSchema());
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        ApiOperations.of(openApi).forEach(this::declareProblems);
    }

    private void declareProblems(ApiOperations operation) {
        List<Integer> statuses = new ArrayList<>();
        if (operation.takesParameters() || operation.takesBody()) {
            statuses.add(400);
        }
        statuses.addAll(List.of(401, 403));
        if (operation.namesAResource()) {
            statuses.add(404);
        }
        if (operation.changes()) {
            statuses.add(409);
        }
        if (operation.takesIfMatch()) {
            statuses.add(412);
        }
        if (operation.takesBody()) {
            statuses.addAll(List.of(413, 415));
        }
        if (operation.changes()) {
            statuses.add(422);
        }
        statuses.addAll(List.of(429, 503));
        if (operation.operation().getResponses() == null) {
            operation.operation().setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.operation().getResponses();
        for (int status : statuses) {
            String code = String.valueOf(status);
            ApiResponse existing = responses.get(code);
            if (undescribed(existing)) {
                responses.addApiResponse(code, problemResponse(status, existing));
            }
        }
        // an error answer a service declared without a body is a Problem too
        List.copyOf(responses.keySet()).stream().filter(code -> code.matches("[45]\\d\\d"))
                .filter(code -> undescribed(responses.get(code)))
                .forEach(code -> responses.addApiResponse(code,
                        problemResponse(Integer.parseInt(code), responses.get(code))));
    }

    private static boolean undescribed(ApiResponse response) {
        return response == null || response.getContent() == null || response.getContent().isEmpty()
                || response.getContent().containsKey("*/*");
    }

    static ApiResponse problemResponse(int status, ApiResponse existing) {
        String description = existing != null && existing.getDescription() != null
                && !existing.getDescription().isBlank() ? existing.getDescription() : describe(status);
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static String describe(int status) {
        return switch (status) {
            case 409 -> "Stale version, or a state that refuses the change";
            case 412 -> "An If-Match that cannot hold";
            case 422 -> "A domain rule refuses the command; `rule` names it";
            default -> ProblemCatalog.forStatus(status).title();
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema problem = new ObjectSchema()
                .description("RFC 9457 Problem Details; `rule` names the rule broken (docs/problems.md).")
                .addProperty("type", new StringSchema().format("uri")
                        .example("urn:engagement-ledger:problem:resource.not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("rule", new StringSchema().example("resource.not-found"))
                .addProperty("field", new StringSchema().description("The one field all errors name, if any"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(
                        "#/components/schemas/" + PROBLEM_FIELD_ERROR)));
        problem.setRequired(List.of("type", "title", "status", "rule"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> fieldErrorSchema() {
        Schema error = new ObjectSchema().description("One field or parameter that broke a rule")
                .properties(Map.of("field", new StringSchema().nullable(true), "rule", new StringSchema(),
                        "message", new StringSchema()));
        error.setRequired(List.of("rule", "message"));
        return error;
    }
}
