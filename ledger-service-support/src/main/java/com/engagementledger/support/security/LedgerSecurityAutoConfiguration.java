package com.engagementledger.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The JWT resource server every service runs, with one rule set: health and the API description are public (the
 * description holds no data, and integrators generate clients from it); {@code /actuator/**} is for SERVICE and
 * ADMIN, {@code /admin/**} for ADMIN; a read needs a known role and a change a role that may write (not AUDITOR).
 * A service adds public GET paths with {@code ledger.security.public-paths} and, if it must, role rules with an
 * {@link AuthorizationRules} bean. The engagement in a path is checked for every handler, and a controller takes
 * the {@link Caller} as an argument.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityAutoConfiguration {
    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};
    private static final int MIN_SECRET_BYTES = 32;
    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    /** Clocks of the identity provider and the services may differ this much, never more (also Spring's default). */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain ledgerSecurityFilterChain(HttpSecurity http, LedgerSecurityProperties properties,
                                                  ObjectProvider<AuthorizationRules> serviceRules, ObjectMapper json)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HEALTH).permitAll()
                            .requestMatchers(API_DOCS).permitAll()
                            // errors forwarded by the container are rendered for whoever caused them
                            .requestMatchers("/error").permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        rules.requestMatchers(HttpMethod.GET, properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    serviceRules.orderedStream().forEach(r -> r.customize(rules));
                    rules.requestMatchers("/actuator/**").hasAnyRole(Roles.SERVICE, Roles.ADMIN)
                            .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                            .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(Roles.READERS)
                            .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(Roles.READERS)
                            .anyRequest().hasAnyRole(Roles.WRITERS);
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The claims every token must satisfy besides its signature and lifetime ({@link TokenClaimsValidator}). Spring
     * Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds for an identity provider, and
     * the local HS256 decoder below uses this one, so the rules hold whichever decoder runs.
     */
    @Bean
    @ConditionalOnMissingBean(name = "ledgerTokenClaimsValidator")
    OAuth2TokenValidator<Jwt> ledgerTokenClaimsValidator(LedgerSecurityProperties properties, Environment environment) {
        String issuer = properties.checkedIssuer(environment.getProperty(ISSUER_URI));
        return new TokenClaimsValidator(issuer, properties.checkedAudiences(issuer));
    }

    /**
     * Local runs verify HS256 tokens with LEDGER_JWT_SECRET. With an identity provider configured this backs off and
     * Spring Boot's decoder for it is used (which checks the lifetime with the same 60 s of clock skew).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @Conditional(NoIdentityProvider.class)
    JwtDecoder hmacJwtDecoder(LedgerSecurityProperties properties,
                              @Qualifier("ledgerTokenClaimsValidator") OAuth2TokenValidator<Jwt> claims) {
        byte[] key = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("LEDGER_JWT_SECRET (ledger.security.jwt-secret) must be set to at least "
                    + MIN_SECRET_BYTES + " bytes, or " + ISSUER_URI + " configured");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(MAX_CLOCK_SKEW),
                claims));
        return decoder;
    }

    @Bean
    WebMvcConfigurer ledgerCallerWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EngagementAccessInterceptor());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** The {@code roles} claim as Spring Security roles ({@code ROLE_LEAD}, ...). */
    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** None of the ways Spring Boot builds a decoder for an identity provider is configured. */
    static class NoIdentityProvider extends NoneNestedConditions {
        NoIdentityProvider() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(ISSUER_URI)
        static class IssuerUriConfigured {
        }

        @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
        static class JwkSetUriConfigured {
        }

        @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
        static class PublicKeyConfigured {
        }
    }
}
