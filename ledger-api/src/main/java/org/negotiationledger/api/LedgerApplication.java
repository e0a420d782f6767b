package org.negotiationledger.api;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The negotiation ledger's server. {@code java -jar ledger-api.jar} runs it on its embedded H2 default; the
 * jar's other commands ({@code verify}, {@code hash-password}, {@code help}) are in {@link LedgerCommandLine}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) {
        int exit = LedgerCommandLine.create(
                        System.in,
                        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                        new PrintWriter(System.err, true, StandardCharsets.UTF_8))
                .execute(args);
        if (exit != LedgerCommandLine.RUNNING) {
            System.exit(exit);
        }
    }
}
