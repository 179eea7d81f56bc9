package com.engagementledger.engagement.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Every endpoint but health (and the API description) needs a JWT. Reads need any role; changes need a role that
 * may change things, so an AUDITOR can read but never write. Which engagements a token may touch is checked per
 * request by {@link EngagementAccess}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    static final String[] READERS = {"LEAD", "PARTNER", "AUDITOR", "SERVICE", "ADMIN"};
    static final String[] WRITERS = {"LEAD", "PARTNER", "SERVICE", "ADMIN"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("SERVICE", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(READERS)
                        .anyRequest().hasAnyRole(WRITERS))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(json, response, HttpStatus.UNAUTHORIZED, "a valid bearer token is required: "
                                        + e.getMessage(), "Bearer"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, response, HttpStatus.FORBIDDEN,
                                        "the token's roles do not allow this request", null)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problem(json, response, HttpStatus.UNAUTHORIZED, "a bearer token is required", "Bearer"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, response, HttpStatus.FORBIDDEN,
                                        "the token's roles do not allow this request", null)));
        return http.build();
    }

    /**
     * Local runs verify HS256 tokens with LEDGER_JWT_SECRET; production names its identity provider with
     * spring.security.oauth2.resourceserver.jwt.issuer-uri.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${ledger.security.jwt-secret:}") String secret,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        if (!issuerUri.isBlank()) {
            return JwtDecoders.fromIssuerLocation(issuerUri);
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("LEDGER_JWT_SECRET must be set to at least 32 bytes "
                    + "(or set spring.security.oauth2.resourceserver.jwt.issuer-uri)");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfig::roles);
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail,
                                String challenge) throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
