package com.engagementledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(context, c -> validator(port));
        List<String> violations = new ArrayList<>();
        for (OpenApiExchangeRecorder.Exchange exchange : exchanges) {
            ValidationReport report = validator.validateResponse(exchange.path(),
                    Request.Method.valueOf(exchange.method()), response(exchange));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
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

    private static SimpleResponse response(OpenApiExchangeRecorder.Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.headers().forEach(builder::withHeader);
        if (exchange.body().length > 0 && !exchange.truncated()) {
            builder.withBody(exchange.body());
        }
        return builder.build();
    }

    private static OpenApiInteractionValidator validator(String port) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new AssertionError("no OpenAPI document at /v3/api-docs: " + document.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
        } catch (IOException e) {
            throw new AssertionError("cannot read /v3/api-docs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading /v3/api-docs", e);
        }
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
