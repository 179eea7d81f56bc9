package com.engagementledger.support.openapi;

import com.engagementledger.support.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * What every service's OpenAPI document shares: the service's name and version from {@link ApiDocsProperties}, the
 * bearer-JWT scheme that every operation requires, and the Problem Details answers with their one schema. The
 * document itself stays public on every service (see LedgerSecurityAutoConfiguration): it describes the API, holds
 * no data, and tools such as client generators fetch it without a token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class OpenApiAutoConfiguration {
    static final String BEARER_JWT = "bearerJwt";

    OpenApiAutoConfiguration() {
        // the caller comes from the bearer token (CallerArgumentResolver), not from a query parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerApiInfo")
    OpenApiCustomizer ledgerApiInfo(ApiDocsProperties properties) {
        return openApi -> {
            if (properties.title() != null) {
                openApi.getInfo().setTitle(properties.title());
            }
            if (properties.version() != null) {
                openApi.getInfo().setVersion(properties.version());
            }
            if (properties.description() != null) {
                openApi.getInfo().setDescription(properties.description());
            }
            if (properties.contact() != null) {
                openApi.getInfo().setContact(new Contact().name(properties.contact().name())
                        .url(properties.contact().url()).email(properties.contact().email()));
            }
            // relative: the document is served by the service it describes, wherever that is deployed (springdoc
            // would write the URL of the request, which differs per environment and would make the document unstable)
            openApi.setServers(List.of(new Server().url("/").description("The service serving this document")));
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerBearerJwt")
    OpenApiCustomizer ledgerBearerJwt() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER_JWT, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A JWT signed by the identity provider; its roles, side and engagements claims "
                            + "decide what the caller may read and do."));
            ApiOperations.of(openApi).forEach(operation -> operation.operation()
                    .setSecurity(List.of(new SecurityRequirement().addList(BEARER_JWT))));
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerPathParameters")
    OpenApiCustomizer ledgerPathParameters() {
        return new PathParameters();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerNullableProperties")
    PropertyCustomizer ledgerNullableProperties() {
        return new NullableProperties();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerFeatureTags")
    FeatureTags ledgerFeatureTags(ApiDocsProperties properties) {
        return new FeatureTags(properties.tags());
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerMethodAnswers")
    OperationCustomizer ledgerMethodAnswers() {
        return new MethodAnswers();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerCreatedLocation")
    OpenApiCustomizer ledgerCreatedLocation() {
        return new CreatedLocation();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerOperationDescriptions")
    OpenApiCustomizer ledgerOperationDescriptions() {
        return new OperationDescriptions();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerProblemResponses")
    OpenApiCustomizer ledgerProblemResponses() {
        return new ProblemResponses();
    }
}
