package com.engagementledger.engagement.web;

import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.engagement.security.Actors;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a REST command for a controller: one database transaction holds the appended events, the updated views,
 * the chain links and the Idempotency-Key record, so a repeat of the same request finds the first answer and a
 * failure records nothing at all. Who issues it is the token's caller; which engagement, the request's path.
 */
@Component
public class CommandRunner {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final String ENGAGEMENT_ID = "engagementId";

    private final CommandGateway commands;
    private final ViewStore views;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final HttpServletRequest http;

    CommandRunner(CommandGateway commands, ViewStore views, JdbcClient jdbc, TransactionTemplate transaction,
                  ObjectMapper json, HttpServletRequest http) {
        this.commands = commands;
        this.views = views;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.http = http;
    }

    /**
     * Creates {@code target} with {@code command}: 201 with its Location, id and version. A new resource has no
     * version yet, so an If-Match sent to create one cannot hold: 412 (RFC 9110), after the syntax check every
     * If-Match gets. A part of an existing resource (a workstream) is created by changing that resource, whose
     * version its command's If-Match names.
     */
    public ResponseEntity<CommandResult> create(Target target, Object body, Object command) {
        if (!target.isPart()) {
            refuseIfMatch();
        }
        return run(new Request(target, true, body, command));
    }

    private void refuseIfMatch() {
        String ifMatch = http.getHeader(IfMatch.HEADER);
        if (ifMatch != null && !ifMatch.isBlank()) {
            IfMatch.parse(ifMatch);
            throw ApiProblem.preconditionFailed(IfMatch.HEADER, "this request creates a resource, which has no "
                    + "version yet: If-Match cannot hold (send it to change an existing resource)");
        }
    }

    /**
     * Changes {@code target} with {@code command}: 200 with its new version. The target must belong to the
     * engagement in the path (404 otherwise, as for an unknown one).
     */
    public ResponseEntity<CommandResult> change(Target target, Object body, Object command) {
        return run(new Request(target, false, body, command));
    }

    /** {@code body} is what the request sent (with the method and path, what an Idempotency-Key stands for). */
    private record Request(Target target, boolean creates, Object body, Object command) {
    }

    /**
     * Runs the command and answers the target's new version, in one transaction with the views, the chain links
     * and, with an Idempotency-Key, the answer: recorded in one statement after the command, so a repeat of a
     * request that committed finds that answer (when its command is refused, or when its own record loses to the
     * first one's) and records nothing of its own.
     */
    private ResponseEntity<CommandResult> run(Request request) {
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ApiProblem.invalidHeader(IDEMPOTENCY_KEY, FieldRule.SIZE,
                    "Idempotency-Key must be 1 to 255 characters");
        }
        Caller caller = Caller.current();
        String engagementId = pathEngagement();
        String hash = key == null ? null : requestHash(request.body());
        try {
            return transaction.execute(status -> {
                Target target = request.target();
                if (!request.creates() && engagementId != null && !target.id().equals(engagementId)) {
                    views.requireIn(target.kind(), target.id(), engagementId);
                }
                send(request.command(), metaData(caller, engagementId, key));
                CommandResult result = new CommandResult(target.answerId(), views.version(target.kind(), target.id()));
                HttpStatus httpStatus = request.creates() ? HttpStatus.CREATED : HttpStatus.OK;
                String location = request.creates() ? http.getRequestURI() + "/" + target.answerId() : null;
                if (key != null && !remember(caller.subject(), key, hash, httpStatus, result, location)) {
                    // a request with this key committed first (the insert waited for it): its answer stands
                    status.setRollbackOnly();
                    return earlier(caller.subject(), key, hash).orElseThrow();
                }
                return response(httpStatus, result, location);
            });
        } catch (RuntimeException refused) {
            // a repeat of a request that committed may be refused (its work is done, or it lost the append race
            // to the first one): the first answer stands
            if (key != null) {
                Optional<ResponseEntity<CommandResult>> earlier = earlier(caller.subject(), key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw refused;
        }
    }

    /** The engagement named in the request's path, if any (every command but opening one has it). */
    private String pathEngagement() {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) http.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get(ENGAGEMENT_ID);
    }

    private void send(Object command, MetaData metaData) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private MetaData metaData(Caller caller, String engagementId, String key) {
        Map<String, Object> meta = new HashMap<>();
        Actor actor = Actors.of(caller);
        meta.put(Metadata.ACTOR, actor.id());
        meta.put(Metadata.ACTOR_NAME, actor.name());
        meta.put(Metadata.ACTOR_SIDE, actor.side().name());
        String correlation = http.getHeader(CORRELATION_ID);
        meta.put(Metadata.CORRELATION_ID, correlation != null && !correlation.isBlank() && correlation.length() <= 100
                ? correlation : UUID.randomUUID().toString());
        if (engagementId != null) {
            meta.put(Metadata.ENGAGEMENT_ID, engagementId);
        }
        if (key != null) {
            meta.put(Metadata.IDEMPOTENCY_KEY, key);
        }
        return MetaData.from(meta);
    }

    /** Records the answer under the key; false when a committed request holds the key already. */
    private boolean remember(String actor, String key, String hash, HttpStatus status, CommandResult result,
                             String location) {
        try {
            return jdbc.sql("""
                            insert into idempotency_record
                              (actor, idem_key, request_hash, status, response_body, location)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (actor, idem_key) do nothing""")
                    .params(actor, key, hash, status.value(), json.writeValueAsString(result), location)
                    .update() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer recorded under the key, if any; a key recorded for a different request is refused, whatever this
     * request's own outcome.
     */
    private Optional<ResponseEntity<CommandResult>> earlier(String actor, String key, String hash) {
        record Earlier(String hash, int status, String body, String location) {
        }
        Optional<Earlier> earlier = jdbc.sql("""
                        select request_hash, status, response_body, location from idempotency_record
                        where actor = ? and idem_key = ?""")
                .params(actor, key)
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().hash().equals(hash)) {
            throw new RuleViolation("idempotency.key-reused",
                    "this Idempotency-Key was already used for a different request");
        }
        try {
            CommandResult result = json.readValue(earlier.get().body(), CommandResult.class);
            return Optional.of(response(HttpStatus.valueOf(earlier.get().status()), result, earlier.get().location()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record", e);
        }
    }

    private static ResponseEntity<CommandResult> response(HttpStatus status, CommandResult result, String location) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag("\"" + result.version() + "\"");
        if (location != null) {
            builder.location(URI.create(location));
        }
        return builder.body(result);
    }

    private String requestHash(Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((http.getMethod() + " " + http.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
