package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A 201 answer names what it created in its {@code Location} header: a client follows it instead of building the
 * URL. Not required, because a few creations have no URL of their own (a signed checkpoint is read in its list).
 */
class CreatedLocation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        ApiOperations.of(openApi).forEach(operation -> {
            ApiResponse created = operation.operation().getResponses() == null ? null
                    : operation.operation().getResponses().get("201");
            if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
                created.addHeaderObject("Location", new Header()
                        .description("The URL of what was created, where it has one")
                        .schema(new StringSchema().format("uri-reference")));
            }
        });
    }
}
