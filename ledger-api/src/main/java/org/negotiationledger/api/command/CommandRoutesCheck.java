package org.negotiationledger.api.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when the controllers' command mappings and {@link CommandRoutes} differ. An annotation can
 * name the table's path but not its body type or its location, and a controller can be added without a route:
 * each would be found only when a request failed. A command endpoint is a handler that answers
 * {@link CommandResponses}; each must be one route's POST, taking that route's body, each route must have one,
 * and each route's location must be a path the API serves (GET). The jar's {@code import} starts no web
 * server, so it has no mappings to check.
 */
@Component
@ConditionalOnWebApplication
class CommandRoutesCheck implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping mappings;

    CommandRoutesCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> disagreements = disagreements(mappings.getHandlerMethods(), CommandRoutes.ALL);
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException(
                    "the command endpoints and CommandRoutes differ:\n  " + String.join("\n  ", disagreements));
        }
    }

    /** How the mappings and the routes differ, a line each; empty when they agree. */
    static List<String> disagreements(
            Map<RequestMappingInfo, HandlerMethod> handlers, Collection<CommandRoutes.Route<?>> routes) {
        List<String> found = new ArrayList<>();
        Map<String, CommandRoutes.Route<?>> byPath =
                routes.stream().collect(Collectors.toMap(route -> route.path().getPatternString(), route -> route));
        Map<String, Long> served = handlers.entrySet().stream()
                .filter(handler -> answersCommand(handler.getValue()))
                .flatMap(handler -> handler.getKey().getPatternValues().stream())
                .collect(Collectors.groupingBy(path -> path, Collectors.counting()));
        Set<String> readable = handlers.keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .collect(Collectors.toSet());
        handlers.forEach((info, handler) -> {
            if (answersCommand(handler)) {
                found.addAll(commandEndpoint(info, handler, byPath));
            }
        });
        for (CommandRoutes.Route<?> route : routes) {
            String path = route.path().getPatternString();
            long endpoints = served.getOrDefault(path, 0L);
            if (endpoints != 1) {
                found.add(path + ": " + endpoints + " command endpoints, where its route needs one");
            }
            if (!readable.contains(route.location().toString())) {
                found.add(path + ": its records' location " + route.location() + " is not a path served (GET)");
            }
        }
        return found;
    }

    private static List<String> commandEndpoint(
            RequestMappingInfo info, HandlerMethod handler, Map<String, CommandRoutes.Route<?>> byPath) {
        String where = handler.getShortLogMessage();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> found = new ArrayList<>();
        if (!methods.equals(Set.of(RequestMethod.POST))) {
            found.add(where + " answers a command to " + methods + ", not to POST alone");
        }
        for (String path : info.getPatternValues()) {
            CommandRoutes.Route<?> route = byPath.get(path);
            Class<?> body = body(handler);
            if (route == null) {
                found.add(where + " answers a command at " + path + ", which is not in CommandRoutes");
            } else if (!route.body().equals(body)) {
                found.add(where + " takes " + (body == null ? "no body" : body.getSimpleName()) + " at " + path
                        + ", where its route takes " + route.body().getSimpleName());
            }
        }
        return found;
    }

    private static boolean answersCommand(HandlerMethod handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        return answer.resolve() == CommandResponses.class || answer.resolveGeneric(0) == CommandResponses.class;
    }

    private static Class<?> body(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType();
            }
        }
        return null;
    }
}
