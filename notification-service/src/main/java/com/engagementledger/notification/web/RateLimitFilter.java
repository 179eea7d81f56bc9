package com.engagementledger.notification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-client token bucket: each client may send {@code burst} requests at once and {@code requests-per-second} on
 * average; beyond that it gets 429 Problem Details with {@code Retry-After} (seconds) before anything is parsed.
 * The client is the token's subject ({@code sub}), so one user's flood never slows another's; requests without a
 * token (the public API description) count per remote address. Runs after Spring Security so the subject is a
 * verified one: a forged token cannot drain someone else's bucket, and a flood of bad tokens is answered 401 by the
 * signature check without reaching this filter. Health is never limited.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {
    /** Buckets idle long enough to be full again are dropped once there are this many. */
    private static final int SWEEP_ABOVE = 10_000;

    private final boolean enabled;
    private final double perSecond;
    private final double burst;
    private final ObjectMapper json;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${ledger.api.rate-limit.enabled:true}") boolean enabled,
                    @Value("${ledger.api.rate-limit.requests-per-second:200}") double perSecond,
                    @Value("${ledger.api.rate-limit.burst:400}") double burst, ObjectMapper json) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("ledger.api.rate-limit needs requests-per-second > 0 and burst >= 1");
        }
        this.enabled = enabled;
        this.perSecond = perSecond;
        this.burst = burst;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !enabled || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(client(request), k -> new Bucket(burst, now)).take(now);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "this client sent more than " + (long) burst + " requests at once or more than " + perSecond
                        + " per second on average; retry after " + retryAfterSeconds + " s");
        problem.setTitle("Too many requests");
        problem.setType(URI.create("https://engagement-ledger.dev/problems/rate-limited"));
        problem.setProperty("rule", "api.rate-limit");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String client(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getName() != null
                && !"anonymousUser".equals(auth.getName())) {
            return "sub:" + auth.getName();
        }
        return "addr:" + request.getRemoteAddr();
    }

    /** Tokens refill continuously at {@code perSecond} up to {@code burst}. */
    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /** Takes one token and answers 0, or answers how long until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1_000_000_000L);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1_000_000_000.0 * perSecond);
            updated = now;
        }
    }
}
