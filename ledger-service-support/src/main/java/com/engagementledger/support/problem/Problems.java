package com.engagementledger.support.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Builds every Problem Details body of every service: {@code type} from the rule, the top-level {@code rule}, and
 * {@code field} when one field is at fault. Controller advice and servlet filters both answer through here.
 */
public final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    /** How long a client should wait before retrying while the database cannot be reached. */
    private static final String DATABASE_RETRY_AFTER_SECONDS = "5";
    /** A rejected value is quoted up to this many characters. */
    private static final int QUOTE_AT_MOST = 80;
    /** No detail or message is longer, whatever a service put into it: an answer never echoes a whole request. */
    private static final int TEXT_AT_MOST = 1000;

    private Problems() {
    }

    /** One entry of a 400's {@code errors[]}. */
    public record FieldError(String field, String rule, String message) {
        public FieldError {
            field = capped(field);
            message = capped(message);
        }
    }

    /**
     * A value as an answer may quote it: at most a short prefix, in quotes, with control characters and lone
     * surrogates written as {@code \\uXXXX} so that the quote is readable and well-formed.
     */
    public static String quote(Object value) {
        String text = String.valueOf(value);
        boolean cut = text.length() > QUOTE_AT_MOST;
        if (cut) {
            int end = Character.isHighSurrogate(text.charAt(QUOTE_AT_MOST - 1)) ? QUOTE_AT_MOST - 1 : QUOTE_AT_MOST;
            text = text.substring(0, end);
        }
        return "'" + visible(text) + (cut ? "…" : "") + "'";
    }

    /** The text with each control character and lone UTF-16 surrogate written as its {@code \\uXXXX} escape. */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean shown = pair || !(Character.isISOControl(c) || Character.isSurrogate(c));
            if (!shown && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (shown) {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(++i));
                    }
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static String capped(String text) {
        return text == null || text.length() <= TEXT_AT_MOST ? text : text.substring(0, TEXT_AT_MOST) + "…";
    }

    public static ProblemDetail of(ProblemCatalog problem, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), capped(detail));
        body.setTitle(problem.title());
        body.setType(ProblemCatalog.type(problem.rule()));
        body.setProperty("rule", problem.rule());
        return body;
    }

    /** Any rule: the catalogue's (with its title) or a service's own, e.g. a domain rule answered 422. */
    public static ProblemDetail rule(HttpStatusCode status, String rule, String detail) {
        ProblemCatalog known = Arrays.stream(ProblemCatalog.values()).filter(p -> p.rule().equals(rule))
                .findFirst().orElse(null);
        if (known != null && known.status().value() == status.value()) {
            return of(known, detail);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, capped(detail));
        HttpStatus standard = HttpStatus.resolve(status.value());
        body.setTitle(standard == null ? null : standard.getReasonPhrase());
        body.setType(ProblemCatalog.type(rule));
        body.setProperty("rule", rule);
        return body;
    }

    /** Adds {@code errors[]}, and the top-level {@code field} when all of them name the same one. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
        if (fields.size() == 1 && fields.get(0) != null) {
            problem.setProperty("field", fields.get(0));
        }
        return problem;
    }

    /**
     * A failure nobody mapped: 503 when the database cannot be reached (a retry may succeed, and the client is told
     * so), else a logged 500 that says nothing about the internals.
     */
    public static ProblemDetail unexpected(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            log.warn("database unavailable: {}", failure.toString());
            return of(ProblemCatalog.SERVICE_UNAVAILABLE, "the service's database cannot be reached; retry later");
        }
        log.error("unexpected error", failure);
        return of(ProblemCatalog.SERVER_UNEXPECTED, "an unexpected error occurred; nothing was recorded");
    }

    /** The answer for a controller advice: Problem Details content type, and Retry-After on a 503. */
    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return respond(problem, new HttpHeaders());
    }

    public static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() && !merged.containsKey(HttpHeaders.RETRY_AFTER)) {
            merged.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
        }
        return new ResponseEntity<>(problem, merged, problem.getStatus());
    }

    /** The answer for a servlet filter, which runs outside Spring MVC's message conversion. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                             ObjectMapper json) throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // the problem is still answered, without naming the request
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the container ends the answer once every filter is done: a filter around this one (a log of refusals)
        // still acts before the client has the whole answer
        json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(response.getOutputStream(), problem);
    }
}
