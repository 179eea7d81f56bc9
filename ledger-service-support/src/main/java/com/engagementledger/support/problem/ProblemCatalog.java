package com.engagementledger.support.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The one list of problems every service answers with, beside a service's own domain rules. Each rule has one
 * status and one {@code type}, {@code urn:engagement-ledger:problem:<rule>}: a URN names the rule without promising a
 * web page behind it. docs/problems.md is this table for readers.
 */
public enum ProblemCatalog {
    REQUEST_INVALID("request.invalid", HttpStatus.BAD_REQUEST, "Invalid request"),
    REQUEST_BODY_MALFORMED("request.body.malformed", HttpStatus.BAD_REQUEST, "Malformed request body"),
    REQUEST_PARAMETER_INVALID("request.parameter.invalid", HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    REQUEST_HEADER_INVALID("request.header.invalid", HttpStatus.BAD_REQUEST, "Invalid request header"),
    REQUEST_URI_INVALID("request.uri.invalid", HttpStatus.BAD_REQUEST, "Invalid request URI"),
    AUTH_TOKEN_REQUIRED("auth.token.required", HttpStatus.UNAUTHORIZED, "Bearer token required"),
    AUTH_TOKEN_INVALID("auth.token.invalid", HttpStatus.UNAUTHORIZED, "Bearer token invalid"),
    AUTH_ROLE_FORBIDDEN("auth.role.forbidden", HttpStatus.FORBIDDEN, "Role not allowed"),
    AUTH_SCOPE_FORBIDDEN("auth.scope.forbidden", HttpStatus.FORBIDDEN, "Engagement scope not allowed"),
    RESOURCE_NOT_FOUND("resource.not-found", HttpStatus.NOT_FOUND, "Not found"),
    REQUEST_METHOD_NOT_ALLOWED("request.method.not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    REQUEST_MEDIA_TYPE_NOT_ACCEPTABLE("request.media-type.not-acceptable", HttpStatus.NOT_ACCEPTABLE,
            "Media type not acceptable"),
    CONCURRENCY_STALE_VERSION("concurrency.stale-version", HttpStatus.CONFLICT, "Stale version"),
    REQUEST_PRECONDITION_FAILED("request.precondition.failed", HttpStatus.PRECONDITION_FAILED,
            "Precondition failed"),
    REQUEST_BODY_TOO_LARGE("request.body.too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    REQUEST_URI_TOO_LONG("request.uri.too-long", HttpStatus.URI_TOO_LONG, "Request URI too long"),
    REQUEST_MEDIA_TYPE_UNSUPPORTED("request.media-type.unsupported", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Media type not supported"),
    RATE_LIMIT_EXCEEDED("rate.limit.exceeded", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    REQUEST_HEADER_TOO_LARGE("request.header.too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request header fields too large"),
    SERVER_UNEXPECTED("server.unexpected", HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error"),
    SERVICE_UNAVAILABLE("service.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    private static final String TYPE_PREFIX = "urn:engagement-ledger:problem:";

    private final String rule;
    private final HttpStatus status;
    private final String title;

    ProblemCatalog(String rule, HttpStatus status, String title) {
        this.rule = rule;
        this.status = status;
        this.title = title;
    }

    public String rule() {
        return rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The {@code type} of any rule, the catalogue's or a service's own domain rule. */
    public static URI type(String rule) {
        return URI.create(TYPE_PREFIX + rule);
    }

    /** The catalogue's problem for a status that has no more specific cause, e.g. one Spring MVC answered. */
    public static ProblemCatalog forStatus(int status) {
        return switch (status) {
            case 400 -> REQUEST_INVALID;
            case 401 -> AUTH_TOKEN_REQUIRED;
            case 403 -> AUTH_ROLE_FORBIDDEN;
            case 404 -> RESOURCE_NOT_FOUND;
            case 405 -> REQUEST_METHOD_NOT_ALLOWED;
            case 406 -> REQUEST_MEDIA_TYPE_NOT_ACCEPTABLE;
            case 409 -> CONCURRENCY_STALE_VERSION;
            case 412 -> REQUEST_PRECONDITION_FAILED;
            case 413 -> REQUEST_BODY_TOO_LARGE;
            case 414 -> REQUEST_URI_TOO_LONG;
            case 415 -> REQUEST_MEDIA_TYPE_UNSUPPORTED;
            case 429 -> RATE_LIMIT_EXCEEDED;
            case 431 -> REQUEST_HEADER_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? REQUEST_INVALID : SERVER_UNEXPECTED;
        };
    }

    /**
     * The rules of one entry of a 400's {@code errors[]}. A service may name a narrower rule of its own for a check
     * that Bean Validation cannot express (e.g. {@code republish.position.not-positive}).
     */
    public enum FieldRule {
        REQUIRED("request.field.required"),
        SIZE("request.field.size"),
        RANGE("request.field.range"),
        PATTERN("request.field.pattern"),
        TYPE("request.field.type"),
        ENUM("request.field.enum"),
        FORMAT("request.field.format"),
        /** A control character, or a lone UTF-16 surrogate (text that is not well-formed Unicode). */
        CHARACTERS("request.field.characters"),
        /** A key that appears twice in one JSON object. */
        DUPLICATE("request.field.duplicate"),
        /** A key the request does not have (for a service that refuses unknown fields). */
        UNKNOWN("request.field.unknown"),
        INVALID("request.field.invalid");

        private final String rule;

        FieldRule(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }

        /** The rule for a Bean Validation constraint, by its code (the annotation's simple name). */
        public static FieldRule forConstraint(String code) {
            if (code == null) {
                return INVALID;
            }
            return switch (code) {
                case "NotNull", "NotBlank", "NotEmpty" -> REQUIRED;
                case "Size" -> SIZE;
                case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative",
                     "NegativeOrZero", "Past", "PastOrPresent", "Future", "FutureOrPresent", "Digits" -> RANGE;
                case "Pattern", "Email" -> PATTERN;
                case "typeMismatch" -> TYPE;
                default -> INVALID;
            };
        }
    }
}
