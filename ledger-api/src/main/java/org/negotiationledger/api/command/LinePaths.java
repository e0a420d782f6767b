package org.negotiationledger.api.command;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.util.UriUtils;

/**
 * An import line's path held to what a request's path meets over HTTP: Spring Security's firewall (no
 * {@code ;}, no encoded {@code /}, {@code %} or {@code .}, no {@code ..} or {@code //}, printable ASCII only,
 * ...), run on the path as a servlet container presents a request's. A path HTTP refuses is refused on a line
 * too, so the import is no way round the rules of the front door.
 */
final class LinePaths {

    private LinePaths() {}

    /** @throws InvalidFieldException naming {@code path} when HTTP would refuse it */
    static void check(HttpFirewall firewall, String path) {
        String decoded;
        try {
            decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new InvalidFieldException("path", "is not a URI path: " + badEscape.getMessage());
        }
        try {
            firewall.getFirewalledRequest(request(path, decoded));
        } catch (RequestRejectedException rejected) {
            throw new InvalidFieldException("path", "is refused, as it is over HTTP: " + rejected.getMessage());
        }
    }

    /** A POST to {@code path} as the firewall reads one: the raw path, and the decoded path it maps to. */
    private static HttpServletRequest request(String path, String decoded) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getServletPath" -> decoded;
                    case "toString" -> "POST " + path;
                    default -> {
                        if (method.getReturnType().isPrimitive()) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        yield null; // no path info, no host, no header: nothing else of a request to check
                    }
                });
    }
}
