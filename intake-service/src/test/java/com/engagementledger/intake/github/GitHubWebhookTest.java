package com.engagementledger.intake.github;

import com.engagementledger.intake.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's edge: only a delivery signed with the repository's connection secret is kept, and only once. */
class GitHubWebhookTest extends IntegrationTest {
    private static final String SECRET = "webhook-secret-of-this-test-0001";

    private long kept(String deliveryId) {
        return jdbc.sql("select count(*) from inbox where delivery_id = ?").param(deliveryId).query(Long.class)
                .single();
    }

    @Test
    void a_signed_delivery_is_kept_and_answered_202_at_once_and_a_redelivery_adds_nothing() {
        String engagement = newId();
        String repository = "octo-org/kept-" + newId().substring(0, 8);
        String connection = connectGitHub(engagement, repository, SECRET);
        byte[] body = gitHubExample("pull_request.opened", repository);
        String delivery = newId();

        Response first = deliverGitHub("pull_request", delivery, body, SECRET);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("status").asText()).isEqualTo("ACCEPTED");

        Response again = deliverGitHub("pull_request", delivery, body, SECRET);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("status").asText()).isEqualTo("DUPLICATE");

        assertThat(kept(delivery)).isEqualTo(1);
        byte[] stored = jdbc.sql("select payload from inbox where delivery_id = ? and connection_id = cast(? as uuid)")
                .params(delivery, connection).query(byte[].class).single();
        assertThat(stored).as("the raw body, byte for byte as signed").isEqualTo(body);

        String path = "/engagements/" + engagement + "/connections/" + connection + "/deliveries/" + delivery;
        assertThat(get(path, lead(engagement)).json().path("event").asText()).isEqualTo("pull_request");
        problem(get(path, lead(newId()))).hasStatus(404).hasRule("resource.not-found");
    }

    @Test
    void a_bad_or_missing_signature_is_401_and_nothing_is_kept() {
        String repository = "octo-org/forged-" + newId().substring(0, 8);
        connectGitHub(newId(), repository, SECRET);
        byte[] body = gitHubExample("pull_request.opened", repository);

        String wrongSecret = newId();
        problem(deliverGitHub("pull_request", wrongSecret, body, "not-the-secret-of-the-connection"))
                .hasStatus(401).hasRule("webhook.signature.invalid").hasField("X-Hub-Signature-256");

        String missing = newId();
        problem(deliver("github", body, Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", missing)))
                .hasStatus(401).hasRule("webhook.signature.invalid");

        // a body changed after signing: the signature of the original does not hold for it
        String tampered = newId();
        byte[] changed = gitHubExample("pull_request.closed-merged", repository);
        problem(deliver("github", changed, Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", tampered,
                "X-Hub-Signature-256", gitHubSignature(SECRET, body)))).hasStatus(401);

        String malformed = newId();
        problem(deliver("github", body, Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", malformed,
                "X-Hub-Signature-256", "sha1=abc"))).hasStatus(401);

        // the marker: a correctly signed delivery after them is kept, so the refused ones were looked at and dropped
        String marker = newId();
        assertThat(deliverGitHub("pull_request", marker, body, SECRET).status()).isEqualTo(202);
        assertThat(kept(marker)).isEqualTo(1);
        assertThat(kept(wrongSecret) + kept(missing) + kept(tampered) + kept(malformed)).isZero();
    }

    @Test
    void after_a_rotation_only_the_new_secret_signs() {
        String engagement = newId();
        String repository = "octo-org/rotated-" + newId().substring(0, 8);
        String connection = connectGitHub(engagement, repository, SECRET);
        String rotated = "the-rotated-webhook-secret-0002";
        assertThat(post("/engagements/" + engagement + "/connections/" + connection + "/secret", lead(engagement),
                Map.of("webhookSecret", rotated)).status()).isEqualTo(200);
        byte[] body = gitHubExample("milestone.created", repository);

        problem(deliverGitHub("milestone", newId(), body, SECRET)).hasStatus(401);
        assertThat(deliverGitHub("milestone", newId(), body, rotated).status()).isEqualTo(202);
    }

    @Test
    void a_repository_no_connection_names_is_answered_ignored_and_not_kept() {
        String repository = "octo-org/nobody-" + newId().substring(0, 8);
        String delivery = newId();

        Response response = deliverGitHub("pull_request", delivery, gitHubExample("pull_request.opened", repository),
                SECRET);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("IGNORED");
        assertThat(response.json().path("reason").asText()).isEqualTo("no connection for this repository");
        assertThat(kept(delivery)).isZero();
    }

    @Test
    void a_body_over_the_limit_is_413_and_not_kept() {
        String repository = "octo-org/large-" + newId().substring(0, 8);
        connectGitHub(newId(), repository, SECRET);
        String padded = new String(gitHubExample("pull_request.opened", repository))
                .replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(300 * 1024) + "\",");
        byte[] body = padded.getBytes();
        String delivery = newId();

        problem(deliverGitHub("pull_request", delivery, body, SECRET)).hasStatus(413)
                .hasRule("request.body.too-large");
        assertThat(kept(delivery)).isZero();
    }

    @Test
    void a_signed_delivery_without_githubs_headers_is_400() {
        String repository = "octo-org/headers-" + newId().substring(0, 8);
        connectGitHub(newId(), repository, SECRET);
        byte[] body = gitHubExample("pull_request.opened", repository);
        Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "pull_request",
                "X-Hub-Signature-256", gitHubSignature(SECRET, body)));

        problem(deliver("github", body, headers)).hasStatus(400).hasRule("request.header.invalid")
                .hasError("X-GitHub-Delivery", "request.field.required");
    }
}
