package com.engagementledger.support.ratelimit;

import com.engagementledger.support.ratelimit.RateLimitProperties.Limit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Limits each caller with a verified token to its role's rate, by the token's subject. Registered right after
 * Spring Security, so a forged token cannot drain someone else's bucket; requests without a verified caller were
 * limited by address before authentication ({@link AddressRateLimitFilter}) and pass. Health is never limited.
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
        return TooManyRequests.isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Limit limit = properties.limitFor(roles(auth));
        long waitNanos = limiter.take("sub:" + auth.getName(), limit);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        TooManyRequests.answer(request, response, waitNanos, limit, "this client", json);
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length())).toList();
    }
}
