package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes each operation that has no description of its own by what the shared edge makes true of it, which a
 * reader of one operation would otherwise have to learn elsewhere: who may call it, which engagement it is scoped to,
 * what a creation or an accepted request answers, and how to make a change conditional or safe to repeat.
 */
class OperationDescriptions implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        ApiOperations.of(openApi).forEach(api -> {
            Operation operation = api.operation();
            if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                operation.setDescription(describe(api));
            }
        });
    }

    private static String describe(ApiOperations api) {
        Operation operation = api.operation();
        List<String> sentences = new ArrayList<>();
        if (operation.getSummary() != null && !operation.getSummary().isBlank()) {
            sentences.add(operation.getSummary() + ".");
        }
        if (api.path().startsWith("/admin/")) {
            sentences.add("Needs a bearer JWT with the ADMIN role.");
        } else if (api.path().contains("{engagementId}")) {
            sentences.add("The token's engagements must include this engagement; another engagement answers 404, "
                    + "as one that does not exist.");
        } else {
            sentences.add("Needs a bearer JWT; what it answers is limited to the token's engagements.");
        }
        if (operation.getResponses() != null && operation.getResponses().containsKey("201")) {
            sentences.add("Answers 201 with what was created (its Location where it has a URL of its own).");
        }
        if (operation.getResponses() != null && operation.getResponses().containsKey("202")) {
            sentences.add("Answers 202: the work goes on in the background.");
        }
        if (hasHeader(operation, "If-Match")) {
            sentences.add("If-Match with the ETag last read makes the change conditional: 409 when the resource "
                    + "changed since.");
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            sentences.add("An Idempotency-Key makes a repeat of the request answer the first answer again.");
        }
        return String.join(" ", sentences);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }
}
