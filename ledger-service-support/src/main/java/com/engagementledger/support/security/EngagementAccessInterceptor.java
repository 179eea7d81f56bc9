package com.engagementledger.support.security;

import com.engagementledger.support.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Per-engagement access, once for every controller: a handler whose URI template has {@code {engagementId}} runs only
 * when the token covers that engagement; otherwise 404 (never 403), as for an engagement that does not exist. No
 * controller checks a path's engagement by hand, so none can forget to.
 */
class EngagementAccessInterceptor implements HandlerInterceptor {
    static final String ENGAGEMENT_ID = "engagementId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)
                || !(vars.get(ENGAGEMENT_ID) instanceof String engagementId)) {
            return true;
        }
        boolean covered = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && Caller.of(token.getToken()).mayTouch(engagementId);
        if (!covered) {
            throw ApiProblem.notFound("engagement", engagementId);
        }
        return true;
    }
}
