package com.engagementledger.support.openapi;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of a service built on ledger-service-support: public (no token, like on every service), with
 * the service's title, version and description from {@code ledger.api.docs.*}, a bearer-JWT scheme required by every
 * operation, and the Problem Details answers an operation can give, all pointing at one shared schema.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.api.docs.title=Things API", "ledger.api.docs.version=1.2.3",
                "ledger.api.docs.description=Things for the tests.", "ledger.api.docs.tags.testapp=Things and widgets.",
                "ledger.api.docs.contact.name=Things team"})
class OpenApiDocumentTest {
    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        HttpResponse<String> response = new Http(port).get("/v3/api-docs", null);
        assertThat(response.statusCode()).as("the API docs need no token").isEqualTo(200);
        document = new ObjectMapper().readTree(response.body());
    }

    @Test
    void the_document_names_the_service() {
        assertThat(document.at("/info/title").asText()).isEqualTo("Things API");
        assertThat(document.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(document.at("/info/description").asText()).isEqualTo("Things for the tests.");
    }

    @Test
    void every_operation_requires_a_bearer_jwt() {
        JsonNode scheme = document.at("/components/securitySchemes/bearerJwt");
        assertThat(scheme.at("/type").asText()).isEqualTo("http");
        assertThat(scheme.at("/scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.at("/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(operations()).isNotEmpty().allSatisfy(op ->
                assertThat(op.getValue().at("/security/0/bearerJwt").isArray()).as(op.getKey()).isTrue());
    }

    @Test
    void error_answers_are_problem_details_with_one_shared_schema() {
        JsonNode problem = document.at("/components/schemas/Problem");
        assertThat(problem.at("/properties/type/type").asText()).isEqualTo("string");
        assertThat(problem.at("/properties/rule/type").asText()).isEqualTo("string");
        assertThat(problem.at("/properties/errors/type").asText()).isEqualTo("array");
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode responses = op.getValue().get("responses");
            for (String status : List.of("401", "403", "429", "503")) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as(op.getKey() + " " + status).isEqualTo("#/components/schemas/Problem");
            }
        }
        JsonNode create = document.at("/paths/~1things/post/responses");
        assertThat(create.has("400")).isTrue();
        assertThat(create.has("413")).isTrue();
        assertThat(create.has("415")).isTrue();
        assertThat(create.has("422")).isTrue();
        assertThat(document.at("/paths/~1engagements~1{engagementId}/get/responses").has("404")).isTrue();
        assertThat(document.at("/paths/~1engagements~1{engagementId}/get/responses").has("413")).isFalse();
    }

    @Test
    void the_caller_is_taken_from_the_token_not_from_a_parameter() {
        assertThat(operations()).allSatisfy(op -> assertThat(op.getValue().path("parameters").findValuesAsText("name"))
                .as(op.getKey()).doesNotContain("caller"));
        assertThat(document.at("/components/schemas").has("Caller")).isFalse();
    }

    @Test
    void every_variable_of_a_path_is_a_declared_path_parameter() {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            List<String> declared = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                }
            });
            Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (variables.find()) {
                assertThat(declared).as(op.getKey() + " " + path.getKey()).contains(variables.group(1));
            }
        }));
        assertThat(document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1approval/post")
                .isMissingNode()).isFalse();
        // in the path's order, though the method binds only widgetId: a generated client takes them in that order
        assertThat(document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1approval/post/parameters")
                .findValuesAsText("name")).startsWith("engagementId", "widgetId");
    }

    @Test
    void a_nullable_field_is_declared_nullable() {
        JsonNode sample = document.at("/components/schemas/Sample/properties");
        assertThat(sample.at("/title/nullable").asBoolean()).isTrue();
        assertThat(sample.at("/child/nullable").asBoolean()).isTrue();
        assertThat(sample.at("/child/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Sample");
        assertThat(sample.at("/rating/nullable").asBoolean()).isFalse();
        assertThat(sample.at("/count/nullable").asBoolean()).isFalse();
    }

    @Test
    void a_nullable_enumeration_lists_null_among_its_values() {
        JsonNode side = document.at("/components/schemas/Widget/properties/side");
        assertThat(side.at("/nullable").asBoolean()).isTrue();
        assertThat(side.at("/enum")).anySatisfy(value -> assertThat(value.isNull()).isTrue());
    }

    @Test
    void the_values_of_a_map_can_be_declared_nullable() {
        JsonNode readings = document.at("/components/schemas/Widget/properties/readings");
        assertThat(readings.at("/additionalProperties/nullable").asBoolean()).isFalse();
        assertThat(readings.at("/additionalProperties/additionalProperties/nullable").asBoolean()).isTrue();
        JsonNode owners = document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1owners/get"
                + "/responses/200/content/application~1json/schema/additionalProperties");
        assertThat(owners.at("/nullable").asBoolean()).isTrue();
        assertThat(owners.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Widget");
    }

    @Test
    void an_operation_declares_the_problems_its_method_names_and_412_with_if_match() {
        JsonNode owners = document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1owners/get");
        assertThat(owners.at("/responses/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(owners.at("/responses/200/content/application~1json").isMissingNode()).isFalse();
        JsonNode rename = document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1renaming/post");
        assertThat(rename.at("/responses/412/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(owners.at("/responses").has("412")).isFalse();
    }

    @Test
    void a_creation_answers_201_with_its_location() {
        JsonNode create = document.at("/paths/~1engagements~1{engagementId}~1widgets/post/responses");
        assertThat(create.has("200")).isFalse();
        assertThat(create.at("/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Widget");
        assertThat(create.at("/201/headers/Location/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void operations_are_tagged_by_feature_package_and_described() {
        assertThat(document.at("/tags/0/name").asText()).isEqualTo("testapp");
        assertThat(document.at("/tags/0/description").asText()).isEqualTo("Things and widgets.");
        assertThat(operations()).allSatisfy(op -> {
            assertThat(op.getValue().at("/tags").toString()).as(op.getKey()).isEqualTo("[\"testapp\"]");
            assertThat(op.getValue().at("/description").asText()).as(op.getKey()).isNotBlank();
        });
        assertThat(document.at("/paths/~1engagements~1{engagementId}~1widgets~1{widgetId}~1renaming/post/description")
                .asText()).contains("If-Match");
        assertThat(document.at("/paths/~1engagements~1{engagementId}~1widgets/post/operationId").asText())
                .isEqualTo("testappCreateWidget");
    }

    @Test
    void the_document_names_a_contact_and_a_server_independent_of_the_request() {
        assertThat(document.at("/info/contact/name").asText()).isEqualTo("Things team");
        assertThat(document.at("/servers").size()).isEqualTo(1);
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void the_document_is_openapi_3_0_which_every_tool_reads() {
        assertThat(document.at("/openapi").asText()).startsWith("3.0.");
        assertThat(document.at("/paths/~1things/get/responses/200/content").has("application/json")).isTrue();
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                operations.add(Map.entry(op.getKey() + " " + path.getKey(), op.getValue()))));
        return operations;
    }
}
