package org.negotiationledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.negotiationledger.api.seal.ExportVerifier;
import org.negotiationledger.api.seal.Verification;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The commands the jar runs besides the server. */
final class Tools {

    private Tools() {
    }

    /**
     * Verifies an exported history file: prints the same report as {@code GET /api/v1/audit/verify} and exits
     * 0 when it verifies, 1 when it does not. {@code --noted INDEX:HEAD} also checks a head noted earlier.
     */
    static int verify(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--noted") && args[3].contains(":"))) {
            err.println("usage: java -jar ledger-api.jar verify history.ndjson [--noted INDEX:HEAD]");
            return 2;
        }
        Long notedIndex = null;
        String notedHead = null;
        if (args.length == 4) {
            notedIndex = Long.parseLong(args[3].substring(0, args[3].indexOf(':')));
            notedHead = args[3].substring(args[3].indexOf(':') + 1);
        }
        try (BufferedReader lines = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[1]),
                StandardCharsets.UTF_8)) {
            Verification.Report report = ExportVerifier.verify(lines, notedIndex, notedHead);
            out.println(new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.verified() ? 0 : 1;
        }
    }

    /** Reads a password (from the console without echo, else one line of standard input) and prints its hash. */
    static int hashPassword(InputStream in, PrintStream out, PrintStream err) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 12) {
            err.println("hash-password: give a password of at least 12 characters");
            return 2;
        }
        out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
        return 0;
    }
}
