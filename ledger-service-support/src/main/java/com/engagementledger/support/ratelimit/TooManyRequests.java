package com.engagementledger.support.ratelimit;

import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.engagementledger.support.ratelimit.RateLimitProperties.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.io.IOException;

/** The 429 of both limits: Problem Details {@code rate.limit.exceeded} with Retry-After in whole seconds. */
final class TooManyRequests {
    private TooManyRequests() {
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, long waitNanos, Limit limit,
                       String client, ObjectMapper json) throws IOException {
        long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Problems.write(request, response, Problems.of(ProblemCatalog.RATE_LIMIT_EXCEEDED, client + " sent more than "
                + limit.burst() + " requests at once or more than " + limit.requestsPerSecond()
                + " per second on average; retry after " + retryAfterSeconds + " s"), json);
    }

    /** Health is never limited: an orchestrator's probes must not be refused because someone else floods. */
    static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }
}
