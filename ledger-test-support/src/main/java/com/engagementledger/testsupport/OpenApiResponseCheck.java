package com.engagementledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * After each test class, holds every answer the service gave (kept by {@link OpenApiExchangeRecorder}) against the
 * service's own live OpenAPI document, {@code /v3/api-docs}: status, media type and body schema must be declared.
 * A violation fails the test class; all violations are also written to
 * {@code target/openapi-response-violations.txt}. {@code ledger.test.openapi.check-responses=false} only writes them
 * (for a service whose document is not yet complete). Registered in META-INF/spring.factories.
 */
public class OpenApiResponseCheck implements TestExecutionListener, Ordered {
    static final String ENABLED = "ledger.test.openapi.check-responses";
    private static final Map<ApplicationContext, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Map<ApplicationContext, List<DocumentOperation>> OPERATIONS = new ConcurrentHashMap<>();
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public int getOrder() {
        return 10_000;
    }

    @Override
    public void afterTestClass(TestContext testContext) throws Exception {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (context.getBeanNamesForType(OpenApiExchangeRecorder.class).length == 0) {
            return;
        }
        List<OpenApiExchangeRecorder.Exchange> exchanges = context.getBean(OpenApiExchangeRecorder.class).drain();
        String port = context.getEnvironment().getProperty("local.server.port");
        if (exchanges.isEmpty() || port == null) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(context, c -> validator(c, port));
        List<String> violations = new ArrayList<>();
        for (OpenApiExchangeRecorder.Exchange exchange : exchanges) {
            if (exchange.status() >= 200 && exchange.status() < 300) {
                OPERATIONS.get(context).stream().filter(op -> op.answers(exchange)).findFirst()
                        .ifPresent(op -> EXERCISED.add(op.name()));
            }
            ValidationReport report = validator.validateResponse(exchange.path(),
                    Request.Method.valueOf(exchange.method()), response(exchange));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR && !aboutTheTest(exchange, message)) {
                    violations.add(exchange.method() + " " + exchange.path() + " " + exchange.status() + ": "
                            + message.getKey() + " " + message.getMessage().replace('\n', ' '));
                }
            }
        }
        if (violations.isEmpty()) {
            return;
        }
        List<String> distinct = violations.stream().distinct().toList();
        write(testContext.getTestClass().getName(), distinct);
        if (context.getEnvironment().getProperty(ENABLED, Boolean.class, true)) {
            throw new AssertionError(distinct.size() + " answers do not match the service's OpenAPI document:\n  "
                    + String.join("\n  ", distinct.subList(0, Math.min(40, distinct.size()))));
        }
    }

    /**
     * A message about the test rather than the service: a request for a path or method the API does not have (a
     * test of the edge's 404/405, or of static files) answered with a problem or with no JSON, and the body of an
     * export kept only in part.
     */
    private static boolean aboutTheTest(OpenApiExchangeRecorder.Exchange exchange, ValidationReport.Message message) {
        String key = message.getKey();
        if (key.equals("validation.response.body.missing")) {
            return exchange.truncated();
        }
        if (key.equals("validation.request.path.missing") || key.equals("validation.request.operation.notAllowed")) {
            List<String> type = exchange.headers().getOrDefault("Content-Type", List.of());
            boolean json = type.stream().anyMatch(t -> t.startsWith("application/json"));
            return exchange.status() >= 400 || !json;
        }
        return false;
    }

    private static SimpleResponse response(OpenApiExchangeRecorder.Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.headers().forEach(builder::withHeader);
        if (exchange.body().length > 0 && !exchange.truncated()) {
            builder.withBody(exchange.body());
        }
        return builder.build();
    }

    /**
     * The operations of the service's document (as {@code "METHOD /path/{variable}"}) that answered a test with a
     * success, in this JVM's test run so far: the test classes run before are done.
     */
    public static Set<String> exercisedOperations() {
        return Set.copyOf(EXERCISED);
    }

    /** An operation of the document, and which requests it answers. */
    private record DocumentOperation(String method, Pattern path, String name) {
        boolean answers(OpenApiExchangeRecorder.Exchange exchange) {
            return method.equalsIgnoreCase(exchange.method()) && path.matcher(exchange.path()).matches();
        }
    }

    private static List<DocumentOperation> operations(String document) {
        try {
            List<DocumentOperation> operations = new ArrayList<>();
            JsonNode paths = new ObjectMapper().readTree(document).path("paths");
            paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
                Pattern pattern = Pattern.compile(Arrays.stream(path.getKey().split("\\{[^}/]+}", -1))
                        .map(Pattern::quote).collect(Collectors.joining("[^/]+")));
                operations.add(new DocumentOperation(op.getKey(), pattern,
                        op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }));
            // a literal path wins over a template that also matches it (/alerts/stream before /alerts/{id})
            operations.sort(Comparator.comparing((DocumentOperation op) -> op.name().contains("{")));
            return operations;
        } catch (IOException e) {
            throw new AssertionError("cannot read the OpenAPI document", e);
        }
    }

    private static OpenApiInteractionValidator validator(ApplicationContext context, String port) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new AssertionError("no OpenAPI document at /v3/api-docs: " + document.statusCode());
            }
            OPERATIONS.put(context, operations(document.body()));
            return OpenApiInteractionValidator.createForInlineApiSpecification(nullableReferences(document.body()))
                    .build();
        } catch (IOException e) {
            throw new AssertionError("cannot read /v3/api-docs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading /v3/api-docs", e);
        }
    }

    /**
     * The document as the validator must read it: {@code {nullable: true, allOf: [{$ref}]}}, how OpenAPI 3.0 says "this
     * reference, or null" (and how client generators read it), becomes {@code oneOf} the reference and a schema that
     * holds null only. The validator would apply the reference to null and refuse every null it declares.
     */
    static String nullableReferences(String document) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(document);
        rewriteNullableReferences(root);
        return json.writeValueAsString(root);
    }

    private static void rewriteNullableReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean() && allOf != null && allOf.size() == 1
                    && allOf.get(0).has("$ref")) {
                ArrayNode oneOf = object.arrayNode();
                oneOf.add(allOf.get(0));
                ObjectNode onlyNull = oneOf.addObject().put("type", "string").put("nullable", true);
                onlyNull.putArray("enum").addNull();
                object.remove(List.of("allOf", "nullable"));
                object.set("oneOf", oneOf);
            }
        }
        node.forEach(OpenApiResponseCheck::rewriteNullableReferences);
    }

    private static void write(String testClass, List<String> violations) throws IOException {
        Path file = Path.of("target", "openapi-response-violations.txt");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# " + testClass);
        lines.addAll(violations);
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
