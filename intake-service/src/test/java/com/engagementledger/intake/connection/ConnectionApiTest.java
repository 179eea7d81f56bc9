package com.engagementledger.intake.connection;

import com.engagementledger.intake.IntegrationTest;
import com.engagementledger.testsupport.PageAssert;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionApiTest extends IntegrationTest {
    private static final String SECRET = "s3cret-of-the-github-webhook-0001";

    private static Map<String, Object> github(String repository) {
        return Map.of("source", "github", "repository", repository, "webhookSecret", SECRET);
    }

    @Test
    void a_lead_connects_a_repository_and_is_told_the_webhook_to_configure_never_the_secret() {
        String engagement = newId();
        Response created = post("/engagements/" + engagement + "/connections", lead(engagement),
                github("octo-org/octo-repo"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("source").asText()).isEqualTo("github");
        assertThat(body.path("repository").asText()).isEqualTo("octo-org/octo-repo");
        assertThat(body.path("engagementId").asText()).isEqualTo(engagement);
        assertThat(body.path("webhook").path("url").asText()).isEqualTo("https://intake.example.test/webhooks/github");
        assertThat(body.path("webhook").path("contentType").asText()).isEqualTo("application/json");
        assertThat(body.path("options").path("defectLabel").asText()).isEqualTo("bug");
        assertThat(body.path("options").path("productionLabel").asText()).isEqualTo("production");
        assertThat(body.path("options").path("defectSeverity").asText()).isEqualTo("SEV3");
        assertThat(created.text()).doesNotContain(SECRET);

        String id = body.path("id").asText();
        Response shown = get("/engagements/" + engagement + "/connections/" + id, lead(engagement));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text()).doesNotContain(SECRET);
        JsonNode items = PageAssert.assertPageEnvelope("connections",
                get("/engagements/" + engagement + "/connections", lead(engagement)).json());
        assertThat(items).extracting(n -> n.path("id").asText()).containsExactly(id);
    }

    @Test
    void the_secret_is_stored_encrypted_and_bound_to_its_row() {
        String engagement = newId();
        String id = post("/engagements/" + engagement + "/connections", lead(engagement), github("octo-org/enc"))
                .json().path("id").asText();

        byte[] stored = jdbc.sql("select secret_ciphertext from connection where id = cast(? as uuid)").param(id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        // version byte + 12-byte nonce + ciphertext (as long as the secret) + 16-byte tag
        assertThat(stored).hasSize(1 + 12 + SECRET.length() + 16);
    }

    @Test
    void only_a_lead_or_an_admin_connects_rotates_or_deletes() {
        String engagement = newId();
        String path = "/engagements/" + engagement + "/connections";
        problem(post(path, partner(engagement), github("octo-org/p"))).hasStatus(403).hasRule("auth.role.forbidden");

        String id = post(path, lead(engagement), github("octo-org/p")).json().path("id").asText();
        Response rotate = post(path + "/" + id + "/secret", partner(engagement),
                Map.of("webhookSecret", "another-secret-0123456789"));
        assertThat(rotate.status()).isEqualTo(403);
        assertThat(delete(path + "/" + id, partner(engagement)).status()).isEqualTo(403);
        // a partner still reads it
        assertThat(get(path + "/" + id, partner(engagement)).status()).isEqualTo(200);
    }

    @Test
    void another_engagements_token_finds_nothing() {
        String engagement = newId();
        String id = post("/engagements/" + engagement + "/connections", lead(engagement), github("octo-org/a"))
                .json().path("id").asText();
        String other = newId();

        Response shown = get("/engagements/" + engagement + "/connections/" + id, lead(other));
        problem(shown).hasStatus(404)
                .hasRule("resource.not-found");
        Response asOwn = get("/engagements/" + other + "/connections/" + id, lead(other));
        problem(asOwn).hasStatus(404);
    }

    @Test
    void unknown_fields_are_refused_naming_the_field_and_rule() {
        String engagement = newId();
        Response response = post("/engagements/" + engagement + "/connections", lead(engagement),
                Map.of("source", "github", "repository", "octo-org/x", "webhookSecret", SECRET, "branch", "main"));

        problem(response).hasStatus(400)
                .hasRule("request.invalid").hasError("branch", "request.field.unknown");
    }

    @Test
    void each_source_needs_its_own_coordinates_and_no_others() {
        String engagement = newId();
        String path = "/engagements/" + engagement + "/connections";

        Response noRepository = post(path, lead(engagement), Map.of("source", "github", "webhookSecret", SECRET));
        problem(noRepository).hasStatus(400)
                .hasError("repository", "request.field.required");

        Response jiraWithRepository = post(path, lead(engagement), Map.of("source", "jira", "site",
                "https://acme.atlassian.net", "projectKey", "ENG", "repository", "octo-org/x", "webhookSecret", SECRET));
        problem(jiraWithRepository)
                .hasStatus(400).hasError("repository", "request.field.invalid");

        Response badRepository = post(path, lead(engagement), github("not a repository"));
        problem(badRepository).hasStatus(400)
                .hasError("repository", "request.field.pattern");

        Response shortSecret = post(path, lead(engagement), Map.of("source", "github", "repository", "o/r",
                "webhookSecret", "short"));
        problem(shortSecret).hasStatus(400)
                .hasError("webhookSecret", "request.field.size");

        Response unknownSource = post(path, lead(engagement), Map.of("source", "gitlab", "webhookSecret", SECRET));
        problem(unknownSource).hasStatus(400)
                .hasError("source", "request.field.enum");

        Response pagerDuty = post(path, lead(engagement), Map.of("source", "pagerduty", "serviceId", "PIJ90N7",
                "webhookSecret", SECRET));
        assertThat(pagerDuty.status()).isEqualTo(201);
        assertThat(pagerDuty.json().path("webhook").path("url").asText()).endsWith("/webhooks/pagerduty");
    }

    @Test
    void a_deleted_connection_is_gone_from_the_api() {
        String engagement = newId();
        String path = "/engagements/" + engagement + "/connections";
        String id = post(path, lead(engagement), github("octo-org/d")).json().path("id").asText();

        assertThat(delete(path + "/" + id, lead(engagement)).status()).isEqualTo(204);

        assertThat(get(path + "/" + id, lead(engagement)).status()).isEqualTo(404);
        assertThat(delete(path + "/" + id, lead(engagement)).status()).isEqualTo(404);
        assertThat(get(path, lead(engagement)).json().path("totalItems").asLong()).isZero();
    }
}
