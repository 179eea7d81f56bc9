package com.engagementledger.support.problem;

import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A request a service refuses: thrown anywhere below a controller, answered as Problem Details with its status, rule
 * and (when one field is at fault) that field. The catalogue's problems have factories; a service's own rules
 * (a 409 or 422 of its domain) use {@link #of(HttpStatusCode, String, String, String)}.
 */
public class ApiProblem extends RuntimeException {
    private final HttpStatusCode status;
    private final String rule;
    private final String field;
    private final String fieldRule;

    private ApiProblem(HttpStatusCode status, String rule, String field, String fieldRule, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.fieldRule = fieldRule;
    }

    public static ApiProblem of(ProblemCatalog problem, String detail) {
        return new ApiProblem(problem.status(), problem.rule(), null, null, detail);
    }

    /** A service's own rule, e.g. {@code alert.lifecycle.already-resolved} (409). */
    public static ApiProblem of(HttpStatusCode status, String rule, String field, String detail) {
        return new ApiProblem(status, rule, field, null, detail);
    }

    /** Unknown, or outside the token's engagements: both are 404, so a token never learns what exists elsewhere. */
    public static ApiProblem notFound(String what, Object id) {
        return of(ProblemCatalog.RESOURCE_NOT_FOUND, what + " " + id + " not found");
    }

    public static ApiProblem invalidParameter(String parameter, FieldRule fieldRule, String detail) {
        return invalidParameter(parameter, fieldRule.rule(), detail);
    }

    /** A query parameter's value is refused; {@code fieldRule} may be a narrower rule of the service. */
    public static ApiProblem invalidParameter(String parameter, String fieldRule, String detail) {
        return invalid(ProblemCatalog.REQUEST_PARAMETER_INVALID, parameter, fieldRule, detail);
    }

    public static ApiProblem invalidHeader(String header, FieldRule fieldRule, String detail) {
        return invalid(ProblemCatalog.REQUEST_HEADER_INVALID, header, fieldRule.rule(), detail);
    }

    /** A body field is refused for a reason Bean Validation cannot see. */
    public static ApiProblem invalidField(String field, FieldRule fieldRule, String detail) {
        return invalid(ProblemCatalog.REQUEST_INVALID, field, fieldRule.rule(), detail);
    }

    /** A body that is JSON but not a document this service reads: a key given twice, say. */
    public static ApiProblem malformedField(String field, FieldRule fieldRule, String detail) {
        return invalid(ProblemCatalog.REQUEST_BODY_MALFORMED, field, fieldRule.rule(), detail);
    }

    /** A conditional header ({@code If-Match}) that cannot hold for this request: 412. */
    public static ApiProblem preconditionFailed(String header, String detail) {
        return new ApiProblem(ProblemCatalog.REQUEST_PRECONDITION_FAILED.status(),
                ProblemCatalog.REQUEST_PRECONDITION_FAILED.rule(), header, null, detail);
    }

    public static ApiProblem staleVersion(String detail) {
        return of(ProblemCatalog.CONCURRENCY_STALE_VERSION, detail);
    }

    private static ApiProblem invalid(ProblemCatalog problem, String field, String fieldRule, String detail) {
        return new ApiProblem(problem.status(), problem.rule(), field, fieldRule, detail);
    }

    public HttpStatusCode status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    /** The answer's body. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.rule(status, rule, getMessage());
        if (fieldRule != null) {
            return Problems.withErrors(problem, java.util.List.of(new Problems.FieldError(field, fieldRule,
                    getMessage())));
        }
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
