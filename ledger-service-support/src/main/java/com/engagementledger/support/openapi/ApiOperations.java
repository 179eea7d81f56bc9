package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import java.util.List;
import java.util.stream.Stream;

/** The operations of a document that callers reach with a token: all but health, which load balancers probe. */
record ApiOperations(String path, PathItem.HttpMethod method, Operation operation) {

    static Stream<ApiOperations> of(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return Stream.empty();
        }
        return openApi.getPaths().entrySet().stream()
                .filter(path -> !path.getKey().startsWith("/actuator/health"))
                .flatMap(path -> path.getValue().readOperationsMap().entrySet().stream()
                        .map(op -> new ApiOperations(path.getKey(), op.getKey(), op.getValue())));
    }

    boolean changes() {
        return List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
                PathItem.HttpMethod.DELETE).contains(method);
    }

    boolean takesBody() {
        return operation.getRequestBody() != null;
    }

    boolean takesParameters() {
        return namesAResource() || operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    boolean takesIfMatch() {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
    }

    boolean namesAResource() {
        return path.contains("{");
    }
}
