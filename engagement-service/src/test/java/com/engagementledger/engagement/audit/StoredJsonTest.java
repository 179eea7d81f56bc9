package com.engagementledger.engagement.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored bytes an export writes as they are, and that either way the line reads back to the same JSON. */
class StoredJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String written(String stored) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().set("payload", StoredJson.asWritten(bytes(stored))));
    }

    @Test
    void one_compact_json_value_is_written_as_stored() throws Exception {
        String stored = "{\"title\":\"Adopt \\u00e9 tests\",\"amount\":4.50,\"tags\":[\"a\",\"b\"]}";
        assertThat(StoredJson.asWritten(bytes(stored)).isPojo()).isTrue();
        assertThat(written(stored)).isEqualTo("{\"payload\":" + stored + "}");
        assertThat(JSON.readTree(written(stored)).get("payload")).isEqualTo(JSON.readTree(stored));
    }

    @Test
    void json_on_several_lines_is_parsed_and_written_on_one() throws Exception {
        String stored = "{\n  \"title\" : \"x\"\n}";
        assertThat(StoredJson.asWritten(bytes(stored)).isObject()).isTrue();
        assertThat(written(stored)).isEqualTo("{\"payload\":{\"title\":\"x\"}}");
    }

    @Test
    void invalid_json_or_trailing_text_never_reaches_the_line_as_it_is() throws Exception {
        assertThat(StoredJson.asWritten(bytes("{\"title\":\"x")).isTextual()).isTrue();
        assertThat(written("{\"title\":\"x")).isEqualTo("{\"payload\":\"{\\\"title\\\":\\\"x\"}");
        assertThat(StoredJson.asWritten(bytes("{\"title\":\"x\"} trailing")).isPojo()).isFalse();
        assertThat(JSON.readTree(written("{\"title\":\"x\"} trailing"))).isNotNull();
        assertThat(StoredJson.asWritten(bytes("")).isNull()).isTrue();
    }
}
