package com.engagementledger.notification.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** JWT on everything but health; AUDITOR is read-only; 401/403 are Problem Details. */
@Configuration
class SecurityConfig {
    private static final String[] WRITERS = {"LEAD", "PARTNER", "SERVICE", "ADMIN"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        .anyRequest().hasAnyRole(WRITERS))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((req, res, e) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                                "security.token-required", "a valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN,
                                "security.role-forbidden", "the token's roles do not allow this request")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                                "security.token-required", "a valid bearer token is required"))
                        .accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN,
                                "security.role-forbidden", "the token's roles do not allow this request")));
        return http.build();
    }

    private static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new JwtAuthenticationToken(jwt, roles == null ? List.of()
                    : roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(), jwt.getSubject());
        };
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String rule,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:engagement-ledger:problem:" + rule));
        problem.setProperty("rule", rule);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** Local runs: HS256 with LEDGER_JWT_SECRET. With an issuer-uri set, Spring Boot's own decoder is used. */
    @Bean
    @ConditionalOnProperty(name = "spring.security.oauth2.resourceserver.jwt.issuer-uri", matchIfMissing = true,
            havingValue = "__never__")
    JwtDecoder hmacJwtDecoder(@Value("${ledger.security.jwt-secret:}") String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("LEDGER_JWT_SECRET must be at least 32 bytes (ledger.security.jwt-secret)");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }
}
