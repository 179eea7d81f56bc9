package com.engagementledger.support.ratelimit;

import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.engagementledger.support.ratelimit.RateLimitProperties.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Limits each client to its role's rate: the client is the verified token's subject, else the remote address.
 * Registered right after Spring Security, so a forged token cannot drain someone else's bucket. Registered before
 * it as well, the same filter finds no authentication yet and limits by address only: that is how callers without a
 * valid token can be limited too. Health is never limited.
 */
class RateLimitFilter extends OncePerRequestFilter {
    private static final String ROLE_PREFIX = "ROLE_";

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    RateLimitFilter(RateLimitProperties properties, RateLimiter limiter, ObjectMapper json) {
        this.properties = properties;
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean verified = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Limit limit = properties.limitFor(verified ? roles(auth) : List.of());
        String client = verified ? "sub:" + auth.getName() : "addr:" + request.getRemoteAddr();
        long waitNanos = limiter.take(client, limit);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Problems.write(request, response, Problems.of(ProblemCatalog.RATE_LIMIT_EXCEEDED, "this client sent more than "
                + limit.burst() + " requests at once or more than " + limit.requestsPerSecond()
                + " per second on average; retry after " + retryAfterSeconds + " s"), json);
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length())).toList();
    }
}
