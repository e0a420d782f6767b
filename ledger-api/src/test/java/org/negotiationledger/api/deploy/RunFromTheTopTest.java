package org.negotiationledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw spring-boot:run} from the top folder, the command a Spring user tries first, runs the server
 * with its sibling modules from the same build: the goal is skipped in the root and the library modules (which
 * have no main class; without the skip it failed at the root with "Unable to find a suitable main class") and
 * runs in {@code ledger-api} alone. Starting Maven inside the suite would take minutes; this holds the poms to
 * what the README's command needs, which was checked by running it.
 */
class RunFromTheTopTest {

    private static final Path TOP = Files.exists(Path.of("../pom.xml")) ? Path.of("..") : Path.of(".");
    private static final Pattern SKIP =
            Pattern.compile("<spring-boot\\.run\\.skip>\\s*(\\w+)\\s*</spring-boot\\.run\\.skip>");

    @Test
    void springBootRunIsSkippedEverywhereButTheServersModule() throws IOException {
        assertThat(skip("pom.xml"))
                .as("the root pom, which every module inherits")
                .isEqualTo("true");
        assertThat(skip("ledger-api/pom.xml")).as("the server's module").isEqualTo("false");
        for (String library : new String[] {"ledger-core", "ledger-seal", "ledger-projections"}) {
            assertThat(skip(library + "/pom.xml"))
                    .as("%s inherits the skip", library)
                    .isNull();
        }
        assertThat(Files.readString(TOP.resolve("README.md"))).contains("./mvnw spring-boot:run");
    }

    private static String skip(String pom) throws IOException {
        Matcher m = SKIP.matcher(Files.readString(TOP.resolve(pom)));
        return m.find() ? m.group(1) : null;
    }
}
