package org.negotiationledger.api.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who made a request and its correlation id on every log line written while it is served (MDC keys
 * {@code principal} and {@code correlationId}; structured logs, {@code logging.structured.format.console=ecs},
 * carry them as fields). The id is the client's {@code X-Correlation-Id} when it sends a plausible one, else a
 * new one; either way the answer carries it back, so a client can quote it to an operator.
 */
@Configuration
class RequestLogContext {

    static final String HEADER = "X-Correlation-Id";
    static final String CORRELATION_ID = "correlationId";
    static final String PRINCIPAL = "principal";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** First of all filters: an answer refused by security carries its correlation id too. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> correlationIdFilter() {
        return registration(Ordered.HIGHEST_PRECEDENCE, (request, response) -> {
            String given = request.getHeader(HEADER);
            String id = given != null && PLAUSIBLE.matcher(given).matches()
                    ? given
                    : UUID.randomUUID().toString();
            response.setHeader(HEADER, id);
            return Map.of(CORRELATION_ID, id);
        });
    }

    /** After Spring Security's chain, which has signed the request in by then. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> principalFilter() {
        return registration(Ordered.LOWEST_PRECEDENCE - 100, (request, response) -> {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            // Sign-in refuses a principal without a name; should one get through all the same, the request is
            // logged without it rather than failing here (Map.of takes no null).
            return signedIn != null
                            && signedIn.isAuthenticated()
                            && !(signedIn instanceof AnonymousAuthenticationToken)
                            && signedIn.getName() != null
                    ? Map.of(PRINCIPAL, signedIn.getName())
                    : Map.of();
        });
    }

    /** A filter that puts these keys into the MDC for the rest of the request, and takes them out after it. */
    private static FilterRegistrationBean<OncePerRequestFilter> registration(
            int order, BiFunction<HttpServletRequest, HttpServletResponse, Map<String, String>> keys) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        Map<String, String> put = keys.apply(request, response);
                        put.forEach(MDC::put);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            put.keySet().forEach(MDC::remove);
                        }
                    }
                });
        registration.setOrder(order);
        return registration;
    }
}
