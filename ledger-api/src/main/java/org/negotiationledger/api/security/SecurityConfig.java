package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.negotiationledger.api.config.DemoHistoryProperties;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The roles of http-api.md per endpoint group. MEDIATOR writes; AUDITOR reads the history, the views as of a
 * record time, and runs rebuilds; every role reads the present views and subscribes to them. Users sign in
 * with HTTP Basic, or with a bearer token (JWT) when an issuer or key is configured. No session is kept.
 *
 * <p>Why no CSRF token: there is no session cookie, and a browser that has cached Basic credentials can only
 * be made to post a cross-site form as {@code application/x-www-form-urlencoded}, {@code multipart/form-data}
 * or {@code text/plain}, which every write refuses (415) before anything is recorded; a cross-site
 * {@code application/json} request needs a CORS preflight, which is closed unless configured.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String REALM = "negotiation-ledger";
    /** The account the demo history loader posts under, with a password made at each start. */
    public static final String DEMO_LOADER = "demo-history";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The demo loader's password, fresh at each start and kept in memory only. */
    @Bean
    DemoLoaderAccount demoLoaderAccount() {
        return new DemoLoaderAccount(DEMO_LOADER, UUID.randomUUID().toString());
    }

    @Bean
    UserDetailsService users(
            SecurityProperties properties,
            Environment environment,
            PasswordEncoder encoder,
            DemoLoaderAccount loader,
            DemoHistoryProperties demoHistory) {
        // The embedded demo is the default profile; any named profile is a deployment.
        boolean embeddedDemo = environment.getActiveProfiles().length == 0;
        List<UserDetails> internal = new ArrayList<>();
        if (demoHistory.enabled()) {
            internal.add(User.withUsername(loader.name())
                    .password("{noop}" + loader.password())
                    .roles(Role.MEDIATOR.name())
                    .build());
        }
        return Users.of(properties.users(), embeddedDemo, encoder, internal);
    }

    /** Basic sign-ins checked against the users, each success remembered for a few minutes. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new RememberedSignIns(passwords, Duration.ofMinutes(5), clock));
    }

    @Bean
    @ConditionalOnWebApplication // the jar's import runs the ledger without HTTP: no requests to secure
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectMapper json,
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwt,
            AuthenticationManager signIns)
            throws Exception {
        JwtDecoder decoder = jwt.getIfAvailable();
        boolean bearer = decoder != null;
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            }
            Problems.write(
                    response,
                    json,
                    ProblemType.UNAUTHENTICATED,
                    failure instanceof BearerTokens.RefusedToken refused
                            ? refused.getMessage()
                            : "sign in: HTTP Basic with a user of this ledger" + (bearer ? ", or a bearer token" : ""));
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> Problems.write(
                response,
                json,
                ProblemType.FORBIDDEN,
                "your role does not allow " + request.getMethod() + " " + request.getRequestURI()
                        + "; see the roles in the API description");

        http.authenticationManager(signIns)
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers(ApiRoles.AUDIT.method(), ApiRoles.AUDIT.pathArray())
                        .hasAnyRole(ApiRoles.AUDIT.roleNames())
                        .requestMatchers(ApiRoles.COMMANDS.method(), ApiRoles.COMMANDS.pathArray())
                        .hasAnyRole(ApiRoles.COMMANDS.roleNames())
                        .requestMatchers(ApiRoles.AS_OF_READS)
                        .hasAnyRole(Role.names(ApiRoles.AS_OF))
                        .requestMatchers(ApiRoles.READS.method(), ApiRoles.READS.pathArray())
                        .hasAnyRole(ApiRoles.READS.roleNames())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/index.html",
                                "/dashboard.js",
                                "/dashboard.css",
                                "/favicon.ico",
                                "/webjars/d3/**",
                                "/webjars/echarts/*/map/json/world.json")
                        .hasAnyRole(Role.all())
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                // Spring Security's own CORS filter refuses with a bare 403; this one answers problem+json.
                .cors(cors -> cors.disable());
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsFilter filter = new CorsFilter(cors(properties.corsAllowedOrigins()));
            filter.setCorsProcessor(new DefaultCorsProcessor() {
                @Override
                protected void rejectRequest(ServerHttpResponse response) throws IOException {
                    Problems.write(
                            ((ServletServerHttpResponse) response).getServletResponse(),
                            json,
                            ProblemType.FORBIDDEN,
                            "a cross-origin request from an "
                                    + "origin, or with a method or header, that this ledger does not allow");
                }
            });
            http.addFilterAfter(filter, HeaderWriterFilter.class);
        }
        if (bearer) {
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(token -> token.authenticationManager(tokens(decoder, properties.jwt()))));
        }
        return http.build();
    }

    /** Requests rejected by Spring Security's firewall (a malformed path, say) answer as problem details. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(
                response,
                json,
                ProblemType.MALFORMED_REQUEST,
                "the request was refused: its path or headers are not allowed");
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodies(
            ObjectMapper json,
            @Value("${ledger.http.max-body-size:256KB}") DataSize limit,
            @Value("${ledger.imports.max-size:64MB}") DataSize importLimit) {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(limit.toBytes(), importLimit.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Failed sign-ins counted and throttled, before the credentials are checked (Spring Security's chain). */
    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottle(
            SecurityProperties properties, ObjectMapper json, Clock clock) {
        FilterRegistrationBean<SignInThrottle> registration =
                new FilterRegistrationBean<>(new SignInThrottle(properties.signIns(), json, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
        configuration.setExposedHeaders(List.of("Location", "X-Correlation-Id", "Retry-After"));
        configuration.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    /** Bearer tokens checked by the decoder (its issuer or key); the Basic sign-ins are not asked. */
    private static AuthenticationManager tokens(JwtDecoder decoder, SecurityProperties.Jwt settings) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new BearerTokens(settings));
        return new ProviderManager(provider);
    }
}
