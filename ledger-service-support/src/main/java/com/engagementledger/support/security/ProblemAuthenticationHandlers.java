package com.engagementledger.support.security;

import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as Problem Details: no token, a token that fails verification, a role that may not do this. */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OAuth2AuthenticationException || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // RFC 6750: the token was presented and refused
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(request, response, Problems.of(ProblemCatalog.AUTH_TOKEN_INVALID,
                    "the bearer token is not valid: " + e.getMessage()), json);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(request, response, Problems.of(ProblemCatalog.AUTH_TOKEN_REQUIRED,
                "a valid bearer token is required"), json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(request, response, Problems.of(ProblemCatalog.AUTH_ROLE_FORBIDDEN,
                "the token's roles do not allow this request"), json);
    }
}
