package com.engagementledger.notification.web;

import org.springframework.http.HttpStatus;

/** A refusal with a stable rule name (and the field it concerns), rendered as RFC 9457 Problem Details. */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String rule;
    private final String field;

    public ApiProblem(HttpStatus status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + ".not-found", null, what + " " + id + " not found");
    }

    public static ApiProblem unprocessable(String rule, String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, rule, field, detail);
    }

    public static ApiProblem conflict(String rule, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, rule, null, detail);
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
