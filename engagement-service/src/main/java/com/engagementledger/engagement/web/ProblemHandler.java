package com.engagementledger.engagement.web;

import com.engagementledger.engagement.common.NotFound;
import com.engagementledger.engagement.common.RuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 9457 Problem Details body. A 400 names the field and the rule it broke; a 422 names the
 * domain rule; unknown enum values list the allowed ones.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Domain rule violated");
        problem.setType(URI.create("https://engagement-ledger.dev/problems/rule-violation"));
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e instanceof NotFound ? e.getMessage() : "resource not found");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class, ConcurrencyException.class,
            DuplicateKeyException.class, StaleVersion.class})
    ProblemDetail conflict(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                e instanceof StaleVersion ? e.getMessage()
                        : "the resource was changed by someone else; read it again and retry with its new version");
        problem.setTitle("Conflict");
        problem.setProperty("rule", "concurrency.stale-version");
        return problem;
    }

    /**
     * Anything else is a 500 Problem, except a write that lost a race in the store (two appends of one aggregate
     * sequence, or a serialization failure): that is a 409 the client can retry.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof ConflictingAggregateVersionException
                    || t instanceof DuplicateKeyException
                    || (t instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())))) {
                return conflict(new ConcurrencyException("concurrent change", t));
            }
        }
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; nothing was recorded");
        problem.setTitle("Internal error");
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation rule) {
            return ruleViolation(rule);
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingAggregateVersionException) {
            return conflict((RuntimeException) cause);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        throw e;
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "rule", e.rule(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ProblemDetail tooLarge(PayloadTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        problem.setTitle("Payload too large");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; allowed values: " + Arrays.toString(e.getRequiredType().getEnumConstants()) : "";
        return badRequest(new BadRequest(e.getName(), "type",
                "'" + e.getValue() + "' is not a valid value for " + e.getName() + allowed));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError).toList();
        String detail = errors.stream().map(f -> f.get("field") + ": " + f.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        String field = "body";
        String rule = "json";
        String message = "the body is not valid JSON";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            rule = "type";
            message = "the value of " + field + " has the wrong type";
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                rule = "enum";
                message = "'" + invalid.getValue() + "' is not one of the allowed values "
                        + Arrays.toString(invalid.getTargetType().getEnumConstants());
            } else if (mapping instanceof InvalidFormatException invalid) {
                message = "'" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName();
            } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                message = "expected a " + mismatched.getTargetType().getSimpleName() + " for " + field;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "rule", error.getCode() == null ? "invalid" : error.getCode(),
                "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    /** A request value that is wrong in a way Bean Validation cannot see (e.g. a malformed If-Match). */
    public static class BadRequest extends RuntimeException {
        private final String field;
        private final String rule;

        public BadRequest(String field, String rule, String message) {
            super(message);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }

    /** The body is over the configured limit (256 KiB by default). */
    public static class PayloadTooLarge extends RuntimeException {
        public PayloadTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    /** If-Match named a version that is no longer current. */
    public static class StaleVersion extends RuntimeException {
        public StaleVersion(long expected, long actual) {
            super("If-Match names version " + expected + " but the resource is at version " + actual);
        }
    }
}
