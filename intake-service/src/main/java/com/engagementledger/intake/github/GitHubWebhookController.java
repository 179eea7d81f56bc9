package com.engagementledger.intake.github;

import com.engagementledger.intake.connection.Connections;
import com.engagementledger.intake.connection.Connections.Verifiable;
import com.engagementledger.intake.inbox.Inbox;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GitHub's webhook: the signature is checked with the secret of a connection of the repository the payload names,
 * then the raw delivery is written to the inbox and answered 202 at once (GitHub waits ten seconds at most); the
 * inbox worker records its facts after. A bad or missing signature is 401 and nothing is kept. A repository no
 * connection names is answered 202 "ignored", which GitHub shows in the webhook's delivery log; it is not kept
 * either, since nothing verifies who sent it.
 */
@RestController
class GitHubWebhookController {
    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";
    static final String SIGNATURE_INVALID = "webhook.signature.invalid";
    private static final Logger log = LoggerFactory.getLogger(GitHubWebhookController.class);
    /** GitHub's delivery ids are GUIDs and its event names snake_case words; anything else is not GitHub. */
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,100}");

    private final Connections connections;
    private final Inbox inbox;
    private final ObjectMapper json;

    GitHubWebhookController(Connections connections, Inbox inbox, ObjectMapper json) {
        this.connections = connections;
        this.inbox = inbox;
        this.json = json;
    }

    /** What GitHub is answered: whether the delivery was kept, or why not. */
    record Receipt(String deliveryId, String status, @Nullable String reason) {
    }

    @Operation(summary = "Receive a signed GitHub webhook delivery")
    @PostMapping("/webhooks/github")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Receipt> receive(@RequestHeader(value = GitHubSignature.HEADER, required = false) String signature,
                                    @RequestHeader(value = EVENT, required = false) String event,
                                    @RequestHeader(value = DELIVERY, required = false) String deliveryId,
                                    @RequestBody byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw ApiProblem.of(HttpStatus.UNAUTHORIZED, SIGNATURE_INVALID, GitHubSignature.HEADER,
                    "the delivery is not signed: set a secret on the webhook");
        }
        String repository = repositoryOf(body);
        // echoed only when it is what GitHub sends: nothing of an unverified request is repeated as it came
        String echoedId = deliveryId != null && DELIVERY_ID.matcher(deliveryId).matches() ? deliveryId : null;
        if (repository == null) {
            return accepted(new Receipt(echoedId, "IGNORED", "the delivery names no repository"));
        }
        List<Verifiable> candidates = connections.forGitHubRepository(repository);
        if (candidates.isEmpty()) {
            return accepted(new Receipt(echoedId, "IGNORED", "no connection for this repository"));
        }
        Verifiable verified = candidates.stream()
                .filter(c -> GitHubSignature.verifies(signature, c.secret(), body))
                .findFirst()
                .orElseThrow(() -> ApiProblem.of(HttpStatus.UNAUTHORIZED, SIGNATURE_INVALID, GitHubSignature.HEADER,
                        "the signature does not match the secret of a connection of " + repository));
        require(DELIVERY, deliveryId, DELIVERY_ID);
        require(EVENT, event, EVENT_NAME);
        boolean kept = inbox.accept(verified.connection().id(), deliveryId, event, body);
        if (!kept) {
            log.debug("delivery {} of {} was received before: nothing added", deliveryId, repository);
        }
        return accepted(new Receipt(deliveryId, kept ? "ACCEPTED" : "DUPLICATE", null));
    }

    /** {@code repository.full_name}; null when the body has none (or is not the JSON a webhook sends). */
    private String repositoryOf(byte[] body) {
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.of(ProblemCatalog.REQUEST_BODY_MALFORMED,
                    "the body is not JSON: choose the content type application/json for the webhook");
        }
        JsonNode name = payload == null ? null : payload.path("repository").path("full_name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : null;
    }

    private static void require(String header, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiProblem.invalidHeader(header, value == null ? FieldRule.REQUIRED : FieldRule.PATTERN,
                    header + " must be what GitHub sends");
        }
    }

    private static ResponseEntity<Receipt> accepted(Receipt receipt) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
    }
}
