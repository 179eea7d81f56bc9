package com.engagementledger.testsupport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every answer the application under test gives (status, headers, body), so that {@link OpenApiResponseCheck}
 * can hold them against the service's own OpenAPI document after each test class. Registered by
 * {@link EmbeddedLedger} in every service test context; first in the filter chain, so that answers of Spring
 * Security and of the other edge filters are kept too. Bodies go to the client as they are written
 * ({@link TeeResponse}); streamed bodies that end (history as NDJSON, CSV) are kept when they are complete, on the
 * async dispatch as Spring's ShallowEtagHeaderFilter does; streams of server-sent events never end and are left
 * alone.
 */
public class OpenApiExchangeRecorder extends OncePerRequestFilter implements Ordered {

    /** One answer: the request line and what came back. */
    public record Exchange(String method, String path, int status, Map<String, List<String>> headers, byte[] body,
                           boolean truncated) {
    }

    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.startsWith("/actuator")
                || path.endsWith("/stream") || (accept != null && accept.contains("text/event-stream"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TeeResponse kept = WebUtils.getNativeResponse(response, TeeResponse.class);
        TeeResponse tee = kept != null ? kept : new TeeResponse(response);
        try {
            chain.doFilter(request, kept != null ? response : tee);
        } finally {
            if (!isAsyncStarted(request)) {
                tee.flushWriter();
                record(request, tee);
            }
        }
    }

    private void record(HttpServletRequest request, TeeResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        if (response.getContentType() != null) {
            headers.put("Content-Type", List.of(response.getContentType()));
        }
        exchanges.add(new Exchange(request.getMethod(), request.getRequestURI(), response.getStatus(),
                Collections.unmodifiableMap(headers), response.body(), response.truncated()));
    }

    /** The answers kept since the last call, and forgets them. */
    public List<Exchange> drain() {
        List<Exchange> drained = new ArrayList<>();
        for (Exchange exchange; (exchange = exchanges.poll()) != null; ) {
            drained.add(exchange);
        }
        return drained;
    }
}
