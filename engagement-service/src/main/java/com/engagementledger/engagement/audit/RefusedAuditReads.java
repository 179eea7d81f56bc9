package com.engagementledger.engagement.audit;

import com.engagementledger.support.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Records an AUDITOR's refused reads of the audit endpoints (404: unknown or outside the token's engagements; 403: a
 * role the token lacks) in the audit-read log: who looked for what they may not see is what an audit wants to know.
 * A filter around Spring Security, because a 403 is answered there, before any controller; the caller is the one
 * Spring Security verified for this request.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class RefusedAuditReads extends OncePerRequestFilter {
    private static final RequestAttributeSecurityContextRepository VERIFIED =
            new RequestAttributeSecurityContextRepository();
    private static final String ENGAGEMENT_ID = "engagementId";
    private static final String AS_OF = "asOf";
    /** The audit controllers' GET paths ({@code AuditEndpointsTest} keeps this list complete). */
    static final List<PathPattern> AUDIT_PATHS = patterns("/engagements/{engagementId}/history",
            "/engagements/{engagementId}/decisions/{decisionId}/history", "/engagements/{engagementId}/verify",
            "/engagements/{engagementId}/checkpoints", "/admin/audit-reads", "/audit/public-key");
    /** The views {@code AsOfController} answers when {@code asOf} is given. */
    static final List<PathPattern> AS_OF_PATHS = patterns("/engagements/{engagementId}",
            "/engagements/{engagementId}/{view:ownership|decisions|engineers|incidents}");

    private final AuditReads reads;

    RefusedAuditReads(AuditReads reads) {
        this.reads = reads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.GET.matches(request.getMethod()) || auditEndpoint(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if ((status == HttpServletResponse.SC_FORBIDDEN || status == HttpServletResponse.SC_NOT_FOUND)
                && VERIFIED.loadDeferredContext(request).get().getAuthentication() instanceof JwtAuthenticationToken t) {
            reads.record(Caller.of(t.getToken()), auditEndpoint(request).orElseThrow().engagementId(), request,
                    status);
        }
    }

    /** An audit endpoint's request, with the engagement its path names (null for none). */
    record AuditEndpoint(String engagementId) {
    }

    static Optional<AuditEndpoint> auditEndpoint(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI()
                .substring(request.getContextPath().length()));
        Stream<PathPattern> candidates = request.getParameter(AS_OF) == null ? AUDIT_PATHS.stream()
                : Stream.concat(AUDIT_PATHS.stream(), AS_OF_PATHS.stream());
        return candidates.map(p -> p.matchAndExtract(path)).filter(java.util.Objects::nonNull).findFirst()
                .map(match -> new AuditEndpoint(match.getUriVariables().get(ENGAGEMENT_ID)));
    }

    private static List<PathPattern> patterns(String... paths) {
        return Stream.of(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
