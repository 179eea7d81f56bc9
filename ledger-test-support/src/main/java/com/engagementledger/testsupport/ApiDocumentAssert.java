package com.engagementledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service's OpenAPI document must say of each operation, for readers and for the tools that read it. */
public final class ApiDocumentAssert {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocumentAssert() {
    }

    /** The live document of the service on {@code port}, read without a token (as every service serves it). */
    public static JsonNode liveDocument(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("/v3/api-docs without a token").isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * Every operation has one tag, listed with a description in the document's tags, a summary and an operation id of
     * its own; every tag listed is used.
     */
    public static void everyOperationHasOneDescribedTagAndASummary(JsonNode document) {
        List<String> listed = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("the description of tag %s", tag.path("name"))
                    .isNotBlank();
            listed.add(tag.path("name").asText());
        });
        List<String> used = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations(document)) {
            JsonNode tags = operation.getValue().path("tags");
            assertThat(tags.size()).as("the tags of %s", operation.getKey()).isEqualTo(1);
            assertThat(listed).as("the document's tags, for %s", operation.getKey()).contains(tags.get(0).asText());
            assertThat(operation.getValue().path("summary").asText()).as("the summary of %s", operation.getKey())
                    .isNotBlank();
            used.add(tags.get(0).asText());
            operationIds.add(operation.getValue().path("operationId").asText());
        }
        assertThat(operationIds).as("operation ids (a generated client's method names)").doesNotHaveDuplicates()
                .doesNotContain("");
        assertThat(used).as("the tags in use").containsAll(listed);
    }

    /**
     * The committed document at {@code snapshot} is the live one, so that what integrators (and the client generator,
     * and spectral) read is what the service serves. {@code -Dledger.openapi.write-snapshot=true} writes the live
     * document there first: review the difference, then commit it.
     */
    public static void assertCommittedDocumentIsLive(JsonNode live, Path snapshot) throws IOException {
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n";
        if (Boolean.getBoolean("ledger.openapi.write-snapshot")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, text);
        }
        assertThat(snapshot).as("the committed OpenAPI document (write it with -Dledger.openapi.write-snapshot=true)")
                .exists();
        assertThat(JSON.readTree(Files.readString(snapshot)))
                .as("the committed %s is the live /v3/api-docs; if the change is meant, run the test with "
                        + "-Dledger.openapi.write-snapshot=true and commit the document", snapshot)
                .isEqualTo(live);
    }

    /**
     * Every operation of the document answered some test of this run with a success (see
     * {@link OpenApiResponseCheck#exercisedOperations()}), so that every answer the document describes was held
     * against it; {@code unexercised} names the exceptions, each with its reason. Run after the other test classes
     * (the class orderer of the service's junit-platform.properties).
     */
    public static void assertEveryOperationExercised(JsonNode document, Map<String, String> unexercised) {
        Set<String> exercised = OpenApiResponseCheck.exercisedOperations();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations(document)) {
            if (!exercised.contains(operation.getKey()) && !unexercised.containsKey(operation.getKey())) {
                missing.add(operation.getKey());
            }
        }
        assertThat(missing).as("operations no test of this run called with success (a run of the whole suite "
                + "calls them all; %d were)", exercised.size()).isEmpty();
        assertThat(unexercised.keySet()).as("the exceptions are operations of the document, not exercised")
                .allSatisfy(name -> assertThat(exercised).doesNotContain(name))
                .isSubsetOf(operations(document).stream().map(Map.Entry::getKey).toList());
    }

    /** The operations of a document as "METHOD /path" and the operation object. */
    public static List<Map.Entry<String, JsonNode>> operations(JsonNode document) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(op.getKey())) {
                operations.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }
}
