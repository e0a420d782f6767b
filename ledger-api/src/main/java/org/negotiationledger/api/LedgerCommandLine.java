package org.negotiationledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.negotiationledger.api.command.Imports;
import org.negotiationledger.seal.ExportVerifier;
import org.negotiationledger.seal.VerificationReport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The jar's command line: the server (the default), {@code verify}, {@code import}, {@code hash-password} and
 * {@code help}. Exit codes: 0 done (or verified), 1 not verified (or an import stopped at a refused line), 2 a
 * usage error. Options of the form {@code --name=value}
 * before or after {@code server} are Spring Boot settings, as with any Boot jar, so
 * {@code java -jar ledger-api.jar --spring.profiles.active=postgres} still starts the server.
 */
@Command(
        name = "java -jar ledger-api.jar",
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.Version.class,
        sortOptions = false,
        description = "The negotiation ledger: an event-sourced record of truces, pledges, violation reports and "
                + "statements. Without a command, starts the server.",
        subcommands = {
            LedgerCommandLine.Server.class,
            LedgerCommandLine.Verify.class,
            LedgerCommandLine.Import.class,
            LedgerCommandLine.HashPassword.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Server settings are Spring Boot's, given as --name=value (or as environment",
            "variables; see README.md), e.g. --server.port=9090 --spring.profiles.active=postgres",
            "",
            "Exit codes: 0 done or verified, 1 not verified or import stopped, 2 usage error."
        })
public final class LedgerCommandLine implements Callable<Integer> {

    /** What {@link CommandLine#execute} answers when the server was started and runs on: do not exit. */
    public static final int RUNNING = Integer.MIN_VALUE;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> settings = new ArrayList<>();

    private final InputStream in;

    private LedgerCommandLine(InputStream in) {
        this.in = in;
    }

    /** The command line, reading standard input from {@code in} and writing to {@code out} and {@code err}. */
    public static CommandLine create(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LedgerCommandLine(in), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == HashPassword.class) {
                    return type.cast(new HashPassword(in));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        return cli.setOut(out).setErr(err);
    }

    @Override
    public Integer call() {
        return Server.start(spec, settings);
    }

    /** Starts the server; its threads keep the process alive. */
    @Command(
            name = "server",
            aliases = "serve",
            mixinStandardHelpOptions = true,
            description = "Start the ledger's HTTP server (the default command). Settings as --name=value.")
    static final class Server implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            return start(spec, settings);
        }

        static int start(CommandSpec spec, List<String> settings) {
            for (String setting : settings) {
                if (!setting.startsWith("--")) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(),
                            "Unknown command or argument: '" + setting + "' (settings are given as --name=value)");
                }
            }
            // Axon's update checker calls out to the internet; a ledger phones nobody unless told to.
            System.setProperty(
                    "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
            SpringApplication.run(LedgerApplication.class, settings.toArray(String[]::new));
            return RUNNING;
        }
    }

    /**
     * Verifies an exported history file: prints the same report as {@code GET /api/v1/audit/verify}; exits 0
     * when it verifies, 1 when it does not.
     */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Verify an exported history (GET /api/v1/audit/events as application/x-ndjson) without a "
                    + "server or database. Prints the report; exits 0 if verified, 1 if not.")
    static final class Verify implements Callable<Integer> {

        private static final Pattern NOTED = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HISTORY", description = "the exported history, NDJSON")
        Path file;

        @Option(
                names = "--noted",
                paramLabel = "INDEX:HEAD",
                description = "also check that the history up to INDEX still gives the head noted then")
        String noted;

        @Override
        public Integer call() throws IOException {
            Long notedIndex = null;
            String notedHead = null;
            if (noted != null) {
                Matcher m = NOTED.matcher(noted);
                if (!m.matches()) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--noted must be INDEX:HEAD, a global index and a 64-digit hex head: '" + noted + "'");
                }
                notedIndex = Long.parseLong(m.group(1));
                notedHead = m.group(2);
            }
            VerificationReport report;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = ExportVerifier.verify(lines, notedIndex, notedHead);
            } catch (NoSuchFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            spec.commandLine()
                    .getOut()
                    .println(new ObjectMapper()
                            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(report));
            spec.commandLine().getOut().flush();
            return report.verified() ? 0 : 1;
        }
    }

    /**
     * The bulk import for operators: the same as {@code POST /api/v1/imports}, run against the configured
     * database without the HTTP server. On the embedded H2 the server must be stopped (it holds the file).
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import an NDJSON file of commands (one {\"path\", \"body\"} a line, as POST "
                    + "/api/v1/imports takes it) into the configured database. Prints what was done; exits 0 when "
                    + "every line is recorded, 1 when a line was refused (the batches before it stay recorded).")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the commands, NDJSON")
        Path file;

        @Option(
                names = "--id",
                required = true,
                paramLabel = "IMPORT_ID",
                description = "the import's id: run again with the same id, only what is missing is recorded")
        String importId;

        @Option(
                names = "--principal",
                paramLabel = "NAME",
                description = "who the events name as having posted them (default: operator:<user name>)")
        String principal;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            if (!importId.matches(org.negotiationledger.core.shared.RecordId.SYNTAX)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--id must match " + org.negotiationledger.core.shared.RecordId.SYNTAX + ": '" + importId
                                + "'");
            }
            String name = principal != null ? principal : "operator:" + System.getProperty("user.name");
            System.setProperty(
                    "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
            List<String> args = new ArrayList<>(settings);
            args.add("--spring.main.web-application-type=none");
            try (ConfigurableApplicationContext ledger =
                    SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new))) {
                Imports.Outcome outcome;
                try (InputStream lines = Files.newInputStream(file)) {
                    outcome = ledger.getBean(Imports.class).apply(importId, lines, name, Imports.Listener.NONE);
                } catch (Imports.ImportConflictException conflict) {
                    spec.commandLine().getErr().println(conflict.getMessage());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                spec.commandLine()
                        .getOut()
                        .println(new ObjectMapper()
                                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(outcome));
                spec.commandLine().getOut().flush();
                return outcome.stopped() ? 1 : 0;
            }
        }
    }

    /** Reads a password (from the console without echo, else one line of standard input) and prints its hash. */
    @Command(
            name = "hash-password",
            mixinStandardHelpOptions = true,
            description = "Print the BCrypt hash of a password (at least 12 characters) read from the terminal "
                    + "or standard input, for LEDGER_SECURITY_USERS_<NAME>_PASSWORD.")
    static final class HashPassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final InputStream in;

        HashPassword(InputStream in) {
            this.in = in;
        }

        @Override
        public Integer call() throws IOException {
            Console console = in == System.in ? System.console() : null;
            String password;
            if (console != null) {
                char[] typed = console.readPassword("Password: ");
                password = typed == null ? null : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            }
            if (password == null || password.length() < 12) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "give a password of at least 12 characters");
            }
            spec.commandLine().getOut().println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = LedgerCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"negotiation ledger " + (version == null ? "(development build)" : version)};
        }
    }
}
