package com.engagementledger.intake.connection;

import com.engagementledger.intake.connection.ConnectionRequest.SecretRotation;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import java.time.Clock;
import java.util.UUID;

/**
 * Connections of an engagement: create, list, show, rotate the secret, delete. Changes need LEAD or ADMIN
 * ({@link ConnectionAccess}); the engagement in the path is checked for every request by the shared interceptor.
 */
@RestController
@RequestMapping("/engagements/{engagementId}/connections")
class ConnectionController {
    static final int MAX_PAGE_SIZE = 200;

    private final Connections connections;
    private final ConnectionProperties properties;
    private final Clock clock;

    ConnectionController(Connections connections, ConnectionProperties properties, Clock clock) {
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Connect a source to the engagement")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ConnectionView> create(Caller caller, @PathVariable String engagementId,
                                          @Valid @RequestBody ConnectionRequest request) {
        request.requireFieldsOfItsSource();
        ConnectionOptions options = request.options() == null ? ConnectionOptions.DEFAULTS
                : request.options().withDefaults();
        Connection connection = connections.create(new Connection(UUID.randomUUID(), engagementId, request.source(),
                request.repository(), request.site(), request.projectKey(), request.serviceId(), options,
                clock.instant(), caller.subject(), null, null), request.webhookSecret());
        return ResponseEntity.created(URI.create("/engagements/" + engagementId + "/connections/" + connection.id()))
                .body(view(connection));
    }

    @Operation(summary = "List the engagement's connections")
    @GetMapping
    Page<ConnectionView> list(@PathVariable String engagementId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalidParameter("page", FieldRule.RANGE, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidParameter("size", FieldRule.RANGE, "size must be 1 to " + MAX_PAGE_SIZE);
        }
        return Page.of(connections.list(engagementId, page * size, size).stream().map(this::view).toList(), page,
                size, connections.count(engagementId));
    }

    @Operation(summary = "Read a connection (never its secret)")
    @GetMapping("/{connectionId}")
    ConnectionView show(@PathVariable String engagementId, @PathVariable UUID connectionId) {
        return view(existing(engagementId, connectionId));
    }

    /** The secret the tool now signs with; deliveries signed with the old one are refused from now on. */
    @Operation(summary = "Rotate a connection's webhook secret")
    @PostMapping("/{connectionId}/secret")
    ConnectionView rotateSecret(@PathVariable String engagementId, @PathVariable UUID connectionId,
                                @Valid @RequestBody SecretRotation request) {
        existing(engagementId, connectionId);
        if (!connections.rotateSecret(connectionId, request.webhookSecret(), clock.instant())) {
            throw ApiProblem.notFound("connection", connectionId);
        }
        return view(existing(engagementId, connectionId));
    }

    /** Deliveries stop being accepted; the connection and its deliveries stay readable in the database for the record. */
    @Operation(summary = "Delete a connection (kept for the record)")
    @DeleteMapping("/{connectionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(Caller caller, @PathVariable String engagementId, @PathVariable UUID connectionId) {
        existing(engagementId, connectionId);
        if (!connections.delete(connectionId, caller.subject(), clock.instant())) {
            throw ApiProblem.notFound("connection", connectionId);
        }
        return ResponseEntity.noContent().build();
    }

    private Connection existing(String engagementId, UUID connectionId) {
        return connections.find(engagementId, connectionId)
                .orElseThrow(() -> ApiProblem.notFound("connection", connectionId));
    }

    private ConnectionView view(Connection connection) {
        return ConnectionView.of(connection, properties.publicBaseUrl());
    }
}
