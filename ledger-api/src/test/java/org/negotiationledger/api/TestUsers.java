package org.negotiationledger.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users the tests sign in as, configured like any deployment's (a BCrypt hash and roles), hashed at the
 * lowest cost so that thousands of requests stay fast. {@link #TESTER} holds every role; the others one each.
 */
public final class TestUsers {

    public static final String TESTER = "tester";
    public static final String MEDIATOR = "t-mediator";
    public static final String AUDITOR = "t-auditor";
    public static final String VIEWER = "t-viewer";
    private static final Map<String, String> ROLES =
            Map.of(TESTER, "MEDIATOR,AUDITOR,VIEWER", MEDIATOR, "MEDIATOR", AUDITOR, "AUDITOR", VIEWER, "VIEWER");
    private static final Map<String, String> PROPERTIES = properties();

    private TestUsers() {}

    /** Each test user's password is its name followed by this. */
    public static String password(String user) {
        return user + "-secret";
    }

    public static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** The properties that define the test users. */
    public static Map<String, String> all() {
        return PROPERTIES;
    }

    private static Map<String, String> properties() {
        BCryptPasswordEncoder cheap = new BCryptPasswordEncoder(4);
        Map<String, String> properties = new LinkedHashMap<>();
        ROLES.forEach((user, roles) -> {
            properties.put("ledger.security.users." + user + ".password", "{bcrypt}" + cheap.encode(password(user)));
            properties.put("ledger.security.users." + user + ".roles", roles);
        });
        return Map.copyOf(properties);
    }
}
