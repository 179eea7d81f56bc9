package com.engagementledger.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * What the servlet container forwards to {@code /error} (a failure in a filter, a {@code sendError}) is answered as
 * Problem Details too, in place of Spring Boot's {@code {timestamp, status, error, path}}. Asked for directly,
 * {@code /error} is a resource like any other that does not exist: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {
    private final ErrorAttributes errorAttributes;

    ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return Problems.respond(Problems.of(ProblemCatalog.RESOURCE_NOT_FOUND,
                    "no resource at " + request.getRequestURI()));
        }
        Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
        if (failure instanceof ApiProblem problem) {
            return Problems.respond(problem.toProblemDetail());
        }
        if (code >= 500 && failure != null) {
            return Problems.respond(Problems.unexpected(failure));
        }
        ProblemCatalog problem = ProblemCatalog.forStatus(code);
        return Problems.respond(Problems.rule(org.springframework.http.HttpStatusCode.valueOf(code), problem.rule(),
                problem.title()));
    }
}
