package com.engagementledger.support.problem;

import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.problem.Problems.FieldError;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static com.engagementledger.support.problem.Problems.quote;

/**
 * Maps what Spring MVC and the services throw to the catalogue's Problem Details. It has the lowest precedence: a
 * service's own advice (its domain errors) is asked first, and this one answers everything else, a 500 included.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        return Problems.respond(e.toProblemDetail());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        return Problems.respond(Problems.unexpected(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return handleExceptionInternal(e, invalid(ProblemCatalog.REQUEST_INVALID, errors(e.getBindingResult())),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean body = false;
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                body = true;
                errors.addAll(errors(parameterErrors));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    String[] codes = error.getCodes();
                    errors.add(new FieldError(name, FieldRule.forConstraint(codes == null || codes.length == 0
                            ? null : codes[codes.length - 1]).rule(), error.getDefaultMessage()));
                }
            }
        }
        return handleExceptionInternal(e, invalid(body ? ProblemCatalog.REQUEST_INVALID
                : ProblemCatalog.REQUEST_PARAMETER_INVALID, errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                // e.g. the body-size limit, found while the body was being read
                return Problems.respond(problem.toProblemDetail());
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            FieldError error;
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum() && invalid.getValue() instanceof String) {
                error = new FieldError(field, FieldRule.ENUM.rule(), quote(invalid.getValue())
                        + " is not one of the allowed values "
                        + Arrays.toString(invalid.getTargetType().getEnumConstants()));
            } else if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
                error = new FieldError(field, FieldRule.TYPE.rule(), quote(invalid.getValue())
                        + " is not a valid " + invalid.getTargetType().getSimpleName());
            } else if (mapping instanceof UnrecognizedPropertyException) {
                // only a service that fails on unknown properties gets here (spring.jackson.deserialization)
                error = new FieldError(field, FieldRule.UNKNOWN.rule(), field + " is not a field of this request");
            } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                error = new FieldError(field, FieldRule.TYPE.rule(), "expected a "
                        + mismatched.getTargetType().getSimpleName() + " for " + field);
            } else {
                error = new FieldError(field, FieldRule.TYPE.rule(), "the value of " + field + " has the wrong type");
            }
            return handleExceptionInternal(e, invalid(ProblemCatalog.REQUEST_INVALID, List.of(error)), headers,
                    status, request);
        }
        return handleExceptionInternal(e, Problems.of(ProblemCatalog.REQUEST_BODY_MALFORMED,
                "the body is not valid JSON of the expected shape"), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        FieldError error = type != null && type.isEnum()
                ? new FieldError(name, FieldRule.ENUM.rule(), quote(e.getValue())
                + " is not one of the allowed values " + Arrays.toString(type.getEnumConstants()))
                : new FieldError(name, FieldRule.TYPE.rule(), quote(e.getValue()) + " is not a valid "
                + (type == null ? "value" : type.getSimpleName()) + " for " + name);
        return handleExceptionInternal(e, invalid(ProblemCatalog.REQUEST_PARAMETER_INVALID, List.of(error)), headers,
                status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(e, invalid(ProblemCatalog.REQUEST_PARAMETER_INVALID, List.of(new FieldError(
                e.getParameterName(), FieldRule.REQUIRED.rule(), "parameter " + e.getParameterName()
                + " is required"))), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return handleExceptionInternal(e, invalid(ProblemCatalog.REQUEST_HEADER_INVALID, List.of(new FieldError(
                    missing.getHeaderName(), FieldRule.REQUIRED.rule(), "header " + missing.getHeaderName()
                    + " is required"))), headers, status, request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    /**
     * Every other answer of Spring MVC (404, 405, 406, 415, ...) gets the catalogue's rule for its status; a 500 (a
     * message that cannot be written, say) is logged and told apart from an unreachable database like any failure.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        boolean ours = body instanceof ProblemDetail given && given.getProperties() != null
                && given.getProperties().containsKey("rule");
        ProblemDetail problem = ours ? (ProblemDetail) body
                : status.value() == 500 ? Problems.unexpected(e) : catalogued(body, status);
        ResponseEntity<Object> response = super.handleExceptionInternal(e, problem, headers, status, request);
        return response == null ? null : Problems.respond(problem, response.getHeaders());
    }

    private static ProblemDetail catalogued(Object springBody, HttpStatusCode status) {
        ProblemCatalog problem = ProblemCatalog.forStatus(status.value());
        String detail = springBody instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                : problem.title();
        return Problems.rule(status, problem.rule(), detail);
    }

    private static ProblemDetail invalid(ProblemCatalog problem, List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return Problems.withErrors(Problems.of(problem, detail), errors);
    }

    private static List<FieldError> errors(Errors result) {
        List<FieldError> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = error instanceof org.springframework.validation.FieldError f ? f.getField() : null;
            errors.add(new FieldError(field, FieldRule.forConstraint(error.getCode()).rule(),
                    error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage()));
        }
        return errors;
    }
}
