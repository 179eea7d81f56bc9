package com.engagementledger.support.web;

import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error page, for what Tomcat refuses before any servlet runs: a request line with characters it does not
 * take, a URI with an encoded NUL, slash or backslash, headers over the size limit. Everything else reaches Spring's
 * {@code /error}; these never do, and got Tomcat's HTML page. Here they get the catalogue's Problem Details.
 */
class ProblemErrorReportValve extends ErrorReportValve {
    /** Tomcat's own (localised) text for a request line or headers over the buffer: compared, never shown. */
    private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final ObjectMapper json;

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problem(response.getStatus(), request.getRequestURI() != null, throwable);
        try {
            problem.setInstance(request.getRequestURI() == null ? null : URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // answered without naming the request
        }
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more can be said
        }
    }

    /**
     * What Tomcat refused, told by where it stopped: without a request URI it could not read the request line;
     * with one and a parse failure, a header line; with one and no failure, the URI after decoding.
     */
    static ProblemDetail problem(int status, boolean requestLineRead, Throwable failure) {
        if (status != 400) {
            ProblemCatalog problem = ProblemCatalog.forStatus(status);
            return Problems.rule(HttpStatusCode.valueOf(status), problem.rule(), problem.title());
        }
        boolean tooLarge = failure != null && TOO_LARGE.equals(failure.getMessage());
        if (tooLarge && requestLineRead) {
            return Problems.of(ProblemCatalog.REQUEST_HEADER_TOO_LARGE, "the request's headers are larger than "
                    + "this service accepts");
        }
        if (tooLarge) {
            return Problems.of(ProblemCatalog.REQUEST_URI_TOO_LONG, "the request line is longer than this service "
                    + "accepts");
        }
        if (failure != null && requestLineRead) {
            return Problems.of(ProblemCatalog.REQUEST_HEADER_INVALID, "a request header line is malformed");
        }
        return Problems.of(ProblemCatalog.REQUEST_URI_INVALID, UriRejection.DETAIL);
    }
}
