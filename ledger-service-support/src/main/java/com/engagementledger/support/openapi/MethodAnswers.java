package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * What a controller method says about its answers beyond their Java types: {@link AlsoAnswers} (more Problem Details
 * statuses) and {@link NullableValues} (an answered map whose values can be null).
 */
class MethodAnswers implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        AlsoAnswers also = handlerMethod.getMethodAnnotation(AlsoAnswers.class);
        if (also != null) {
            for (int status : also.value()) {
                ApiResponse existing = operation.getResponses().get(String.valueOf(status));
                operation.getResponses().addApiResponse(String.valueOf(status),
                        ProblemResponses.problemResponse(status, existing));
            }
        }
        if (handlerMethod.hasMethodAnnotation(NullableValues.class)) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    for (MediaType media : response.getContent().values()) {
                        if (media.getSchema() != null) {
                            NullableProperties.nullableValues(media.getSchema());
                        }
                    }
                }
            });
        }
        return operation;
    }
}
