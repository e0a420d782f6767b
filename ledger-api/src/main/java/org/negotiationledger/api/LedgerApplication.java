package org.negotiationledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the negotiation ledger. {@code java -jar ledger-api.jar} runs it on its embedded H2 default;
 * {@code java -jar ledger-api.jar hash-password} prints the BCrypt hash of a password read from standard input,
 * for configuring users; {@code java -jar ledger-api.jar verify history.ndjson} verifies an exported history
 * without a server or a database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.exit(Tools.hashPassword(System.in, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(Tools.verify(args, System.out, System.err));
        }
        // Axon's update checker calls out to the internet; a ledger phones nobody unless told to.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(LedgerApplication.class, args);
    }
}
