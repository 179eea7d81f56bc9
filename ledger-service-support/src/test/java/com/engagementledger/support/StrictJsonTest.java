package com.engagementledger.support;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body is read strictly: one document, each key once, each value of its field's own JSON type, strings of
 * well-formed Unicode. Anything else is a 400 naming the field, where a lenient reader guessed (the last key won, a
 * trailing {@code xyz} was ignored, {@code 3.5} became 3, {@code 12345} became "12345", a lone surrogate became
 * {@code ?} in one copy and stayed in another). The application's own ObjectMapper, which Kafka consumers and Axon
 * may share, is not made strict.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictJsonTest {
    private static final String LEAD = TestTokens.lead("lead-anna");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper applicationMapper;

    private HttpResponse<String> post(String body) {
        return new Http(port).post("/samples", LEAD, "application/json", body);
    }

    private HttpResponse<String> postBytes(byte[] body) {
        return new Http(port).postBytes("/samples", LEAD, "application/json", body);
    }

    @Test
    void a_well_formed_body_is_read_as_sent() throws Exception {
        HttpResponse<String> created = post("""
                {"title": "Refunds \\ud83d\\ude80 caf\u00e9", "rating": 4, "count": 2, "score": 4, "flag": true,
                 "at": "2026-08-03T10:15:30Z", "on": "2026-08-03", "side": "CLIENT", "tags": ["a", "b"],
                 "labels": {"k": "v"}, "child": {"title": "inner", "count": 1}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode echo = new ObjectMapper().readTree(created.body());
        assertThat(echo.get("title").asText()).isEqualTo("Refunds \ud83d\ude80 caf\u00e9");
        assertThat(echo.get("score").asDouble()).isEqualTo(4.0);
        assertThat(echo.get("labels").get("k").asText()).isEqualTo("v");
    }

    @Test
    void a_key_given_twice_is_refused_not_last_one_wins() {
        assertThatProblem(post("{\"title\": \"a\", \"count\": 1, \"title\": \"b\"}")).hasStatus(400)
                .hasRule("request.body.malformed").hasField("title").hasError("title", "request.field.duplicate");
        assertThatProblem(post("{\"labels\": {\"k\": \"1\", \"k\": \"2\"}}")).hasStatus(400)
                .hasError("labels.k", "request.field.duplicate");
        assertThatProblem(post("{\"child\": {\"title\": \"a\", \"title\": \"a\"}}")).hasStatus(400)
                .hasError("child.title", "request.field.duplicate");
    }

    @Test
    void content_after_the_document_is_refused() {
        assertThatProblem(post("{\"title\": \"a\"} xyz")).hasStatus(400).hasRule("request.body.malformed");
        assertThatProblem(post("{\"title\": \"a\"} {\"title\": \"b\"}")).hasStatus(400)
                .hasRule("request.body.malformed");
        assertThatProblem(post("{\"title\": \"a\"}]")).hasStatus(400).hasRule("request.body.malformed");
        assertThat(post("{\"title\": \"a\", \"count\": 0} \r\n\t ").statusCode()).isEqualTo(201);
    }

    @Test
    void a_scalar_of_another_json_type_is_refused_not_coerced() {
        // each body also gives the primitive count, whose absence is refused like its null
        Map<String, String> wrongTypes = Map.ofEntries(
                Map.entry("\"title\": 12345", "title"),
                Map.entry("\"title\": 1.5", "title"),
                Map.entry("\"title\": true", "title"),
                Map.entry("\"rating\": 3.5", "rating"),
                Map.entry("\"rating\": \"4\"", "rating"),
                Map.entry("\"score\": \"4.5\"", "score"),
                Map.entry("\"flag\": 1", "flag"),
                Map.entry("\"flag\": \"true\"", "flag"),
                Map.entry("\"at\": 1785751200", "at"),
                Map.entry("\"at\": 1785751200.5", "at"),
                Map.entry("\"on\": 20668", "on"),
                Map.entry("\"on\": [2026, 8, 3]", "on"),
                Map.entry("\"side\": 0", "side"),
                Map.entry("\"tags\": \"a\"", "tags"),
                Map.entry("\"tags\": [1]", "tags[0]"),
                Map.entry("\"labels\": {\"k\": 1}", "labels.k"));
        wrongTypes.forEach((member, field) -> assertThatProblem(post("{\"count\": 1, " + member + "}")).as(member)
                .hasStatus(400).hasRule("request.invalid").hasField(field).hasError(field, "request.field.type"));
        for (String count : new String[]{"\"4\"", "4.0", "4.5", "null", "true"}) {
            assertThatProblem(post("{\"count\": " + count + "}")).as(count).hasStatus(400).hasField("count")
                    .hasError("count", "request.field.type");
        }
        assertThatProblem(post("{}")).hasStatus(400).hasField("count");
    }

    @Test
    void a_lone_surrogate_is_refused_wherever_it_is() {
        for (String body : new String[]{"{\"title\": \"a\\ud800b\"}", "{\"title\": \"a\\udfffb\"}",
                "{\"title\": \"\\ude80\\ud83d\"}", "{\"title\": \"end\\ud83d\"}"}) {
            assertThatProblem(post(body)).as(body).hasStatus(400).hasRule("request.invalid").hasField("title")
                    .hasError("title", "request.field.characters");
        }
        assertThatProblem(post("{\"tags\": [\"ok\", \"\\ud800\"]}")).hasStatus(400)
                .hasError("tags[1]", "request.field.characters");
        // in a key, Jackson's parser itself refuses it
        assertThatProblem(post("{\"labels\": {\"\\ud800\": \"v\"}}")).hasStatus(400)
                .hasRule("request.body.malformed");
        // the same surrogate as raw bytes (CESU-8), which is not UTF-8 at all
        byte[] raw = "{\"title\": \"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cesu = new byte[raw.length + 2];
        int nul = new String(raw, StandardCharsets.UTF_8).indexOf('\u0000');
        System.arraycopy(raw, 0, cesu, 0, nul);
        cesu[nul] = (byte) 0xED;
        cesu[nul + 1] = (byte) 0xA0;
        cesu[nul + 2] = (byte) 0x80;
        System.arraycopy(raw, nul + 1, cesu, nul + 3, raw.length - nul - 1);
        assertThat(postBytes(cesu).statusCode()).isEqualTo(400);
    }

    @Test
    void a_nul_in_a_string_is_refused_since_no_database_stores_it() {
        assertThatProblem(post("{\"title\": \"a\\u0000b\"}")).hasStatus(400).hasError("title",
                "request.field.characters");
    }

    @Test
    void a_refused_value_is_quoted_by_a_short_prefix_only() {
        // the test service takes 1 KB bodies; the services' 256 KiB would allow a 256 KiB echo
        String longName = "X".repeat(900);
        HttpResponse<String> refused = post("{\"count\": 1, \"side\": \"" + longName + "\"}");
        assertThatProblem(refused).hasStatus(400).hasError("side", "request.field.enum");
        assertThat(refused.body()).contains("XXXXX").doesNotContain("X".repeat(100));
    }

    @Test
    void the_applications_own_object_mapper_stays_as_it_was() throws Exception {
        // what a Kafka consumer or Axon's serializer sharing the application's mapper reads is unchanged
        Map<?, ?> lenient = applicationMapper.readValue("{\"a\": 1, \"a\": 2}", Map.class);
        assertThat(lenient.get("a")).isEqualTo(2);
        assertThat(applicationMapper.readValue("1785751200", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1785751200));
    }
}
