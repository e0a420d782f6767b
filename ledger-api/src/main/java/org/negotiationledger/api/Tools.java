package org.negotiationledger.api;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The commands the jar runs besides the server. */
final class Tools {

    private Tools() {
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
