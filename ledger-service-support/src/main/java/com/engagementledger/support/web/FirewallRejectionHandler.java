package com.engagementledger.support.web;

import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Spring Security's firewall refuses {@code //}, {@code ;}, encoded dots and slashes, non-normalised paths and
 * malformed header or parameter names. Its own handler answers with {@code sendError}, which reached Spring Boot's
 * error page as a bare status; this one answers the catalogue's Problem Details directly. The firewall's message
 * tells which part of the request it refused; it is not echoed, since it quotes what the client sent.
 */
class FirewallRejectionHandler implements RequestRejectedHandler {
    private final ObjectMapper json;

    FirewallRejectionHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(request, response, problem(e.getMessage()), json);
    }

    static ProblemDetail problem(String reason) {
        String text = reason == null ? "" : reason;
        if (text.contains("the header") || text.contains("the domain")) {
            return Problems.of(ProblemCatalog.REQUEST_HEADER_INVALID, "a request header's name or value is refused");
        }
        if (text.contains("the parameter")) {
            return Problems.of(ProblemCatalog.REQUEST_PARAMETER_INVALID, "a request parameter's name or value is "
                    + "refused");
        }
        if (text.contains("the HTTP method")) {
            return Problems.of(ProblemCatalog.REQUEST_METHOD_NOT_ALLOWED, "the request's method is not accepted");
        }
        return Problems.of(ProblemCatalog.REQUEST_URI_INVALID, UriRejection.DETAIL);
    }
}
