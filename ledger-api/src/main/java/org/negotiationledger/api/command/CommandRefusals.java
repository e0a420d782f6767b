package org.negotiationledger.api.command;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts as {@code ledger.commands{outcome=refused}} every command request that is refused, whichever layer
 * refused it: sign-in and roles (401, 403), the body filter (413, 415), binding and validation (400) refuse it
 * before {@link LedgerCommands} sees it, and those are the refusals a client gone wrong makes most. A refusal
 * {@link LedgerCommands} counted itself (a rule, a conflict) is not counted twice. Around the security filters,
 * so that it sees their answers too.
 */
@Configuration(proxyBeanMethods = false)
class CommandRefusals {

    private static final String COUNTED = CommandRefusals.class.getName() + ".counted";

    /** Called where a refusal is counted already, so that the request's answer is not counted again. */
    static void countedHere() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(COUNTED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> commandRefusalsFilter(MeterRegistry meters) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Counting(meters));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private static final class Counting extends OncePerRequestFilter {

        private final MeterRegistry meters;

        Counting(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean answered = false;
            try {
                chain.doFilter(request, response);
                answered = true;
            } finally {
                if (!answered || response.getStatus() >= 400) {
                    count(request);
                }
            }
        }

        private void count(HttpServletRequest request) {
            if (!"POST".equals(request.getMethod()) || request.getAttribute(COUNTED) != null) {
                return;
            }
            CommandRoutes.match(request.getRequestURI())
                    .ifPresent(matched -> LedgerCommands.commands(
                                    meters, LedgerCommands.commandType(matched.route()), "refused")
                            .increment());
        }
    }
}
