package com.engagementledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One tag per operation: its controller's feature package (the code is packaged by feature, so the tag groups what
 * a reader looks for together: decision, incident, webhooks, ...) instead of springdoc's controller class names. The
 * document lists every tag used, described by {@code ledger.api.docs.tags.<name>}. The operation id is the feature
 * and the method's name ({@code decisionPropose}), stable and unique while a feature's method names are.
 */
class FeatureTags implements OperationCustomizer, OpenApiCustomizer {
    private final Map<String, String> descriptions;

    FeatureTags(Map<String, String> descriptions) {
        this.descriptions = descriptions == null ? Map.of() : descriptions;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean tagged = AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(),
                io.swagger.v3.oas.annotations.tags.Tag.class) || AnnotatedElementUtils.hasAnnotation(
                handlerMethod.getBeanType(), io.swagger.v3.oas.annotations.tags.Tag.class);
        String packageName = handlerMethod.getBeanType().getPackageName();
        String feature = packageName.substring(packageName.lastIndexOf('.') + 1);
        if (!tagged) {
            operation.setTags(List.of(feature));
        }
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(
                handlerMethod.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            // the method name alone repeats across features (open, list, get): springdoc would number the repeats in
            // the order it meets them, and a generated client's method names would change with that order
            String method = handlerMethod.getMethod().getName();
            operation.setOperationId(feature + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        TreeSet<String> used = new TreeSet<>();
        ApiOperations.of(openApi).map(op -> op.operation().getTags()).filter(Objects::nonNull).forEach(used::addAll);
        List<Tag> declared = openApi.getTags() == null ? List.of() : openApi.getTags();
        openApi.setTags(used.stream().map(name -> new Tag().name(name).description(descriptions.getOrDefault(name,
                declared.stream().filter(t -> name.equals(t.getName())).map(Tag::getDescription)
                        .filter(Objects::nonNull).findFirst().orElse(null)))).toList());
    }
}
