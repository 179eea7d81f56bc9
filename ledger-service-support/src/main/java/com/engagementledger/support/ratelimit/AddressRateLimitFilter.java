package com.engagementledger.support.ratelimit;

import com.engagementledger.support.ratelimit.RateLimitProperties.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Limits requests without a valid token by remote address, before Spring Security runs: every request takes a
 * token from its address's bucket, and one whose bearer token was verified gives it back when it is done. A flood
 * of anonymous or forged requests is so refused with 429 before its tokens are verified, while a caller with a
 * valid token is charged only its own per-role limit ({@link RateLimitFilter}). An address whose bucket is empty is
 * refused for every request until it refills: the filter cannot tell a valid token from a forged one without the
 * verification it spares. Health is never limited.
 */
class AddressRateLimitFilter extends OncePerRequestFilter {
    /** Where Spring Security's bearer-token filter leaves the context it verified, for this request only. */
    private static final RequestAttributeSecurityContextRepository VERIFIED =
            new RequestAttributeSecurityContextRepository();

    private final Limit limit;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    AddressRateLimitFilter(Limit limit, RateLimiter limiter, ObjectMapper json) {
        this.limit = limit;
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return TooManyRequests.isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = "addr:" + request.getRemoteAddr();
        long waitNanos = limiter.take(client, limit);
        if (waitNanos > 0) {
            TooManyRequests.answer(request, response, waitNanos, limit, "this address", json);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (verified(request)) {
                limiter.giveBack(client, limit);
            }
        }
    }

    private static boolean verified(HttpServletRequest request) {
        Authentication auth = VERIFIED.loadDeferredContext(request).get().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
