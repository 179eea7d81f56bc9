package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.rules.RuleNames;
import com.engagementledger.support.openapi.AlsoAnswers;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.security.Roles;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions: create (secret shown once), read, deliveries, redeliver, re-enable, delete. The caller's
 * current token decides, for ADMINs too: a subscription is visible only while the token covers every engagement of
 * its filter, or is an all-engagements ({@code *}) token for one without; anything else is 404, as if it did not
 * exist. Besides, only its owner ({@code sub}) or an ADMIN sees it.
 */
@RestController
@RequestMapping("/subscriptions")
class SubscriptionController {
    static final int MAX_PAGE_SIZE = 200;

    private final Subscriptions subscriptions;
    private final UrlGuard guard;

    SubscriptionController(Subscriptions subscriptions, UrlGuard guard) {
        this.subscriptions = subscriptions;
        this.guard = guard;
    }

    record Filter(@Size(max = 100) List<String> engagements, @Size(max = 50) List<String> rules,
                  AlertSeverity minSeverity) {
    }

    record CreateSubscription(@NotBlank @Size(max = 2000) String url, @Valid Filter filter) {
    }

    /** A delivery queued again: the new delivery's id and state (a named type, so the document describes it). */
    record Redelivery(UUID deliveryId, String state) {
    }

    /** The only response that ever contains the signing secret. */
    record Created(UUID id, String url, Filter filter, boolean enabled, String secret) {
    }

    @Operation(summary = "Subscribe a webhook URL to alerts (the only answer with the signing secret)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AlsoAnswers(404)
    ResponseEntity<Created> create(Caller caller, @Valid @RequestBody CreateSubscription request) {
        try {
            guard.check(request.url());
        } catch (UrlGuard.UnsafeUrl e) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "url", e.getMessage());
        }
        Filter filter = request.filter() == null ? new Filter(List.of(), List.of(), null) : request.filter();
        List<String> engagements = filter.engagements() == null || filter.engagements().isEmpty()
                ? everyEngagementOf(caller) : filter.engagements();
        if (engagements.isEmpty() && !caller.seesAll()) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, ProblemCatalog.RESOURCE_NOT_FOUND.rule(), "filter.engagements",
                    "the token covers no engagement to subscribe to");
        }
        for (String engagement : engagements) {
            // an engagement outside the token's scope does not exist for this caller
            if (!caller.mayTouch(engagement)) {
                throw ApiProblem.of(HttpStatus.NOT_FOUND, ProblemCatalog.RESOURCE_NOT_FOUND.rule(),
                        "filter.engagements", "engagement " + engagement + " not found");
            }
        }
        List<String> rules = filter.rules() == null ? List.of() : filter.rules();
        for (String rule : rules) {
            if (!RuleNames.ALL.contains(rule)) {
                throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "webhooks.filter.unknown-rule", "filter.rules",
                        "unknown rule '" + rule + "'; known rules: " + RuleNames.ALL);
            }
        }
        AlertSeverity min = filter.minSeverity() == null ? AlertSeverity.INFO : filter.minSeverity();
        String secret = WebhookSignature.newSecret();
        UUID id = subscriptions.create(request.url(), secret, engagements, rules, min, caller.subject(),
                List.copyOf(caller.engagements()));
        Filter stored = new Filter(engagements, rules, min);
        return ResponseEntity.created(URI.create("/subscriptions/" + id))
                .body(new Created(id, request.url(), stored, true, secret));
    }

    @Operation(summary = "List the caller's webhook subscriptions")
    @GetMapping
    Page<Subscriptions.Subscription> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        requirePage(page, size);
        return subscriptions.ownedBy(caller.subject(), caller.hasRole(Roles.ADMIN), caller.seesAll(),
                List.copyOf(caller.engagements()), page, size);
    }

    @Operation(summary = "Read one webhook subscription")
    @GetMapping("/{id}")
    Subscriptions.Subscription get(Caller caller, @PathVariable UUID id) {
        return visible(caller, id);
    }

    /** Newest first; every delivery stays on record (older ones on later pages). */
    @Operation(summary = "List a subscription's deliveries, newest first")
    @GetMapping("/{id}/deliveries")
    Page<Subscriptions.Delivery> deliveries(Caller caller, @PathVariable UUID id,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        requirePage(page, size);
        visible(caller, id);
        return subscriptions.deliveries(id, page, size);
    }

    /** 204; the subscription and its deliveries stay readable (with deletedAt) for the record. */
    @Operation(summary = "Delete a subscription (it stays readable for the record)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        subscriptions.delete(id, caller.subject());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Deliver a past delivery again (202: queued)")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Redelivery> redeliver(Caller caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        Subscriptions.Subscription subscription = notDeleted(visible(caller, id));
        if (!subscription.enabled()) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "webhooks.subscription.disabled", null, "subscription " + id
                    + " is disabled (" + subscription.disabledReason() + "); enable it first");
        }
        UUID copy = subscriptions.redeliver(id, deliveryId).orElseThrow(() -> ApiProblem.notFound("delivery", deliveryId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Redelivery(copy, "PENDING"));
    }

    @Operation(summary = "Enable a disabled subscription again")
    @PostMapping("/{id}/enable")
    @Transactional
    Subscriptions.Subscription enable(Caller caller, @PathVariable UUID id) {
        notDeleted(visible(caller, id));
        subscriptions.enable(id);
        return subscriptions.find(id).orElseThrow();
    }

    private static Subscriptions.Subscription notDeleted(Subscriptions.Subscription subscription) {
        if (subscription.deletedAt() != null) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "webhooks.subscription.deleted", null, "subscription "
                    + subscription.id() + " was deleted at " + subscription.deletedAt());
        }
        return subscription;
    }

    private static void requirePage(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalidParameter("page", FieldRule.RANGE, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidParameter("size", FieldRule.RANGE, "size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private Subscriptions.Subscription visible(Caller caller, UUID id) {
        return subscriptions.find(id)
                .filter(s -> caller.hasRole(Roles.ADMIN) || s.ownerSub().equals(caller.subject()))
                .filter(s -> covers(caller, s))
                .orElseThrow(() -> ApiProblem.notFound("subscription", id));
    }

    /**
     * Whether the caller's token, as it is now (not as it was at creation), covers the subscription: a subscription
     * without an engagement filter receives every engagement's alerts, so only a {@code *} token covers it.
     */
    private static boolean covers(Caller caller, Subscriptions.Subscription subscription) {
        return subscription.engagements().isEmpty() ? caller.seesAll()
                : subscription.engagements().stream().allMatch(caller::mayTouch);
    }

    /**
     * No filter means every engagement the token may see: none for a {@code *} token (every engagement, also later
     * ones), else the token's engagements written out, so that the subscription says what it receives.
     */
    private static List<String> everyEngagementOf(Caller caller) {
        return caller.seesAll() ? List.of() : caller.engagements().stream().sorted().toList();
    }
}
