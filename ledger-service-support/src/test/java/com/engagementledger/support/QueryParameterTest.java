package com.engagementledger.support;

import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.RawHttp;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter is text someone typed into a filter: a control character in its name or value (a NUL that a
 * database refuses, a line break that forges a log line) is a 400 naming the parameter, before any controller or
 * query sees it; so is a value that is not percent-encoded UTF-8.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryParameterTest {
    private static final String LEAD = TestTokens.lead("lead-anna");

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void a_nul_in_a_value_is_400_naming_the_parameter() {
        assertThatProblem(http().get("/alerts/al-1?engagementId=A%00", LEAD)).hasStatus(400)
                .hasRule("request.parameter.invalid").hasField("engagementId")
                .hasError("engagementId", "request.field.characters");
    }

    @Test
    void other_control_characters_are_refused_too() {
        for (String control : new String[]{"%0A", "%0D", "%09", "%1B", "%7F", "%C2%85"}) {
            assertThatProblem(http().get("/alerts/al-1?engagementId=A" + control, LEAD)).as(control).hasStatus(400)
                    .hasError("engagementId", "request.field.characters");
        }
    }

    @Test
    void a_control_character_in_a_name_is_refused_and_named_visibly() {
        assertThatProblem(http().get("/things?si%00ze=1", LEAD)).hasStatus(400).hasRule("request.parameter.invalid")
                .hasError("si\\u0000ze", "request.field.characters");
    }

    @Test
    void a_value_that_is_not_percent_encoded_utf8_is_refused() {
        // an HTTP client library refuses to send a broken escape: written on the socket as a hostile client would
        RawHttp.Answer broken = RawHttp.get(port, "/alerts/al-1?engagementId=%zz", "Authorization: Bearer " + LEAD);
        assertThatProblem(broken.status(), broken.contentType(), broken.body()).hasStatus(400)
                .hasError("engagementId", "request.field.format");
        assertThatProblem(http().get("/alerts/al-1?engagementId=%FF%FE", LEAD)).hasStatus(400)
                .hasError("engagementId", "request.field.characters");
    }

    @Test
    void ordinary_text_passes_untouched() {
        assertThat(http().get("/alerts/al-1?engagementId=A", TestTokens.lead("lead-anna")).statusCode())
                .isEqualTo(200);
        assertThat(http().get("/things?size=3&side=CLIENT&note=caf%C3%A9+%E2%9C%93%F0%9F%9A%80", LEAD).statusCode())
                .isEqualTo(200);
    }
}
