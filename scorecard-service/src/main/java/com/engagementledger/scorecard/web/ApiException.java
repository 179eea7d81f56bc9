package com.engagementledger.scorecard.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with a stable rule name and the field it concerns (if any). */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String rule;
    private final String field;

    public ApiException(HttpStatus status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    /** Unknown and not-visible engagements look the same: a token never learns that another engagement exists. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + ".not-found", null, "no " + what + " " + id);
    }

    public static ApiException badRequest(String field, String rule, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, rule, field, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
