package com.engagementledger.engagement.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents what {@link CommandRunner} reads from every command's request besides the body: the optional
 * {@code Idempotency-Key} and {@code X-Correlation-Id} headers. A creation of a resource of its own (not a part of
 * one, which takes the parent's If-Match) refuses any If-Match with 412.
 */
@Component
class CommandOperations implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handlerMethod.getMethod());
        if (!CommandResult.class.equals(answer.getGeneric(0).resolve())) {
            return operation;
        }
        header(operation, CommandRunner.IDEMPOTENCY_KEY, "Repeating a request with the same key answers the first "
                + "answer again and changes nothing (1 to 255 characters, per caller)");
        header(operation, CommandRunner.CORRELATION_ID, "Recorded with the events the command appends (at most "
                + "100 characters; a new one is chosen otherwise)");
        ResponseStatus status = handlerMethod.getMethodAnnotation(ResponseStatus.class);
        boolean creates = status != null && status.value() == HttpStatus.CREATED;
        if (creates && !takesIfMatch(operation)) {
            // its Problem Details content is added with the other answers' (ledger-service-support)
            operation.getResponses().addApiResponse("412", new ApiResponse()
                    .description("An If-Match was sent: what is created has no version yet"));
        }
        return operation;
    }

    private static void header(Operation operation, String name, String description) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(new Parameter().in("header").name(name).required(false)
                    .description(description).schema(new StringSchema()));
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && IfMatch.HEADER.equalsIgnoreCase(p.getName()));
    }
}
