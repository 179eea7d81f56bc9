package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

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
        });
    }
}
