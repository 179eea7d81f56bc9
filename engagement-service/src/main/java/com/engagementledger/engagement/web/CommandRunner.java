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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a REST command: one database transaction holds the Idempotency-Key record, the appended events and the
 * updated views, so a repeat of the same request finds the first answer and a failure records nothing at all.
 */
@Component
public class CommandRunner {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    private final CommandGateway commands;
    private final ViewStore views;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public CommandRunner(CommandGateway commands, ViewStore views, JdbcClient jdbc, TransactionTemplate transaction,
                         ObjectMapper json) {
        this.commands = commands;
        this.views = views;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * One command (or, for a few workflows, several); the view (kind, id) whose new version is answered; and the id
     * answered, which differs for parts of a resource (a workstream is answered by its id, versioned by its
     * engagement).
     */
    public record Request(Caller caller, HttpServletRequest http, Object body, String kind, String id,
                          boolean creates, List<Object> commands, String answerId) {
        public Request(Caller caller, HttpServletRequest http, Object body, String kind, String id, boolean creates,
                       Object command) {
            this(caller, http, body, kind, id, creates, List.of(command), id);
        }

        public Request withAnswerId(String answer) {
            return new Request(caller, http, body, kind, id, creates, commands, answer);
        }
    }

    /**
     * Runs the request's commands and answers the view's new version. With an Idempotency-Key, the answer is
     * recorded in the same transaction, in one statement after the commands: a repeat of a request that committed
     * finds that answer (when its commands are refused, or when its own record loses to the first one's) and
     * records nothing of its own.
     */
    public ResponseEntity<CommandResult> run(Request request) {
        String key = request.http().getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ApiProblem.invalidHeader(IDEMPOTENCY_KEY, FieldRule.SIZE,
                    "Idempotency-Key must be 1 to 255 characters");
        }
        String actor = request.caller().subject();
        String hash = key == null ? null : requestHash(request);
        try {
            return transaction.execute(status -> {
                MetaData metaData = metaData(request, key);
                for (Object command : request.commands()) {
                    send(command, metaData);
                }
                long version = views.version(request.kind(), request.id());
                CommandResult result = new CommandResult(request.answerId(), version);
                HttpStatus httpStatus = request.creates() ? HttpStatus.CREATED : HttpStatus.OK;
                String location = request.creates() ? request.http().getRequestURI() + "/" + request.answerId() : null;
                if (key != null && !remember(actor, key, hash, httpStatus, result, location)) {
                    // a request with this key committed first (the insert waited for it): its answer stands
                    status.setRollbackOnly();
                    return earlier(actor, key, hash).orElseThrow();
                }
                return response(httpStatus, result, location);
            });
        } catch (RuntimeException refused) {
            // a repeat of a request that committed may be refused (its work is done, or it lost the append race
            // to the first one): the first answer stands
            if (key != null) {
                Optional<ResponseEntity<CommandResult>> earlier = earlier(actor, key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw refused;
        }
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

    private static MetaData metaData(Request request, String key) {
        Map<String, Object> meta = new HashMap<>();
        Actor actor = Actors.of(request.caller());
        meta.put(Metadata.ACTOR, actor.id());
        meta.put(Metadata.ACTOR_NAME, actor.name());
        meta.put(Metadata.ACTOR_SIDE, actor.side().name());
        String correlation = request.http().getHeader(CORRELATION_ID);
        meta.put(Metadata.CORRELATION_ID, correlation != null && !correlation.isBlank() && correlation.length() <= 100
                ? correlation : UUID.randomUUID().toString());
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

    private String requestHash(Request request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.http().getMethod() + " " + request.http().getRequestURI() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request.body()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
