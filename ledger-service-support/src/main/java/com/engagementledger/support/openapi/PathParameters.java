package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declares every variable of a path as a path parameter. Controllers of sub-resources map
 * {@code /engagements/{engagementId}/...} at class level and leave the engagement to EngagementAccessInterceptor, so
 * springdoc, which documents method arguments only, leaves it out, and the document is invalid OpenAPI.
 */
class PathParameters implements OpenApiCustomizer {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void customise(OpenAPI openApi) {
        ApiOperations.of(openApi).forEach(operation -> {
            Matcher variables = VARIABLE.matcher(operation.path());
            while (variables.find()) {
                String name = variables.group(1);
                boolean declared = operation.operation().getParameters() != null && operation.operation()
                        .getParameters().stream().anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
                if (!declared) {
                    operation.operation().addParametersItem(new Parameter().in("path").name(name).required(true)
                            .schema(new StringSchema()));
                }
            }
            inPathOrder(operation);
        });
    }

    /**
     * Path parameters first, in the order the path names them (then the others, as they were): a generated client's
     * method takes {@code (engagementId, decisionId, ...)} rather than the engagement last because the method did not
     * bind it.
     */
    private static void inPathOrder(ApiOperations operation) {
        List<Parameter> parameters = operation.operation().getParameters();
        if (parameters == null) {
            return;
        }
        List<Parameter> ordered = new ArrayList<>(parameters);
        ordered.sort(Comparator.comparingInt((Parameter p) -> "path".equals(p.getIn())
                ? operation.path().indexOf("{" + p.getName() + "}") : Integer.MAX_VALUE));
        operation.operation().setParameters(ordered);
    }
}
