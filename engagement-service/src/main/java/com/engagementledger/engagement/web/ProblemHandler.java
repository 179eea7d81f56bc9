package com.engagementledger.engagement.web;

import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * engagement-service's own errors, in the shared Problem Details style: a command that breaks a domain rule is 422
 * with the rule's name; a write that lost a race (Axon's version checks, two appends of one aggregate sequence, a
 * serialization failure) is a 409 the client can retry; an aggregate that does not exist is 404. Spring matches
 * these anywhere in an exception's cause chain. Asked before ledger-service-support's advice, which answers all else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {
    /** unique_violation, serialization_failure, deadlock_detected. */
    private static final Set<String> LOST_RACE_STATES = Set.of("23505", "40001", "40P01");

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation e) {
        return Problems.respond(domainRule(e));
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class, ConcurrencyException.class,
            DuplicateKeyException.class, ConcurrencyFailureException.class})
    ResponseEntity<Object> lostRace() {
        return Problems.respond(staleVersion());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound() {
        return Problems.respond(Problems.of(ProblemCatalog.RESOURCE_NOT_FOUND, "resource not found"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        return Problems.respond(known(e).orElseGet(() -> Problems.unexpected(e)));
    }

    /** A driver failure: a lost race is a 409, anything else (an unreachable database, 503) is the shared answer. */
    @ExceptionHandler(SQLException.class)
    ResponseEntity<Object> sql(Exception failure) {
        return Problems.respond(known(failure).orElseGet(() -> Problems.unexpected(failure)));
    }

    private static Optional<ProblemDetail> known(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation rule) {
                return Optional.of(domainRule(rule));
            }
            if (t instanceof AggregateNotFoundException) {
                return Optional.of(Problems.of(ProblemCatalog.RESOURCE_NOT_FOUND, "resource not found"));
            }
            if (t instanceof ConcurrencyException || t instanceof ConflictingAggregateVersionException
                    || t instanceof DuplicateKeyException || t instanceof ConcurrencyFailureException
                    || (t instanceof SQLException sql && LOST_RACE_STATES.contains(sql.getSQLState()))) {
                return Optional.of(staleVersion());
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail domainRule(RuleViolation e) {
        ProblemDetail problem = Problems.rule(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), e.getMessage());
        problem.setTitle("Domain rule violated");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    private static ProblemDetail staleVersion() {
        return Problems.of(ProblemCatalog.CONCURRENCY_STALE_VERSION,
                "the resource was changed by someone else; read it again and retry with its new version");
    }
}
