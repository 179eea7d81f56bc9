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

        public Request andThen(Object command) {
            List<Object> all = new java.util.ArrayList<>(commands);
            all.add(command);
            return new Request(caller, http, body, kind, id, creates, List.copyOf(all), answerId);
        }
    }

    public ResponseEntity<CommandResult> run(Request request) {
        String key = request.http().getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ApiProblem.invalidHeader(IDEMPOTENCY_KEY, FieldRule.SIZE,
                    "Idempotency-Key must be 1 to 255 characters");
        }
        return transaction.execute(status -> {
            String hash = requestHash(request);
            if (key != null) {
                Optional<ResponseEntity<CommandResult>> earlier = claim(request.caller().subject(), key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            MetaData metaData = metaData(request, key);
            for (Object command : request.commands()) {
                send(command, metaData);
            }
            long version = views.version(request.kind(), request.id());
            CommandResult result = new CommandResult(request.answerId(), version);
            HttpStatus httpStatus = request.creates() ? HttpStatus.CREATED : HttpStatus.OK;
            String location = request.creates() ? request.http().getRequestURI() + "/" + request.answerId() : null;
            if (key != null) {
                remember(request.caller().subject(), key, httpStatus, result, location);
            }
            return response(httpStatus, result, location);
        });
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

    /**
     * Claims the key for this request. A concurrent request with the same key waits on the row lock until the
     * first one commits, then sees its answer.
     */
    private Optional<ResponseEntity<CommandResult>> claim(String actor, String key, String hash) {
        int inserted = jdbc.sql("""
                        insert into idempotency_record (actor, idem_key, request_hash) values (?, ?, ?)
                        on conflict (actor, idem_key) do nothing""")
                .params(actor, key, hash).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        record Earlier(String hash, int status, String body, String location) {
        }
        Earlier earlier = jdbc.sql("""
                        select request_hash, status, response_body, location from idempotency_record
                        where actor = ? and idem_key = ?""")
                .params(actor, key)
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .single();
        if (!earlier.hash().equals(hash)) {
            throw new RuleViolation("idempotency.key-reused",
                    "this Idempotency-Key was already used for a different request");
        }
        try {
            CommandResult result = json.readValue(earlier.body(), CommandResult.class);
            return Optional.of(response(HttpStatus.valueOf(earlier.status()), result, earlier.location()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record", e);
        }
    }

    private void remember(String actor, String key, HttpStatus status, CommandResult result, String location) {
        try {
            jdbc.sql("""
                            update idempotency_record set status = ?, response_body = ?, location = ?
                            where actor = ? and idem_key = ?""")
                    .params(status.value(), json.writeValueAsString(result), location, actor, key).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
