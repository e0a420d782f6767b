package org.negotiationledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.negotiationledger.api.command.Imports;
import org.negotiationledger.api.restore.HistoryRestore;
import org.negotiationledger.seal.ExportVerifier;
import org.negotiationledger.seal.VerificationReport;
import org.springframework.boot.Banner;
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
 * The jar's command line: the server (the default), {@code verify}, {@code import}, {@code restore},
 * {@code hash-password} and {@code help}. Exit codes: 0 done (or verified), 1 not verified (or an import stopped
 * at a refused line), 2 a usage error, 3 an import or restore whose database a running server holds, 4 an import
 * or restore whose ledger could not start, 5 a restore into a ledger that holds events.
 * Options of the form {@code --name=value}
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
            LedgerCommandLine.Restore.class,
            LedgerCommandLine.HashPassword.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Server settings are Spring Boot's, given as --name=value (or as environment",
            "variables; see README.md), for example:",
            "  --server.port=9090 --spring.profiles.active=postgres",
        },
        exitCodeListHeading = "%nExit codes (each command's --help has its own):%n",
        exitCodeList = {
            "0:done, or verified",
            "1:not verified; an import stopped at a refused line",
            "2:a usage error",
            "3:an import, a restore: the database is in use by a running server",
            "4:an import, a restore: the ledger could not start (its database, its",
            "  settings)",
            "5:a restore: the database already holds events"
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
                    + "server or database. Prints the report.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:verified",
                "1:not verified (the report says where)",
                "2:a usage error: no such file, a malformed --noted"
            })
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
     * database without the HTTP server. On the embedded H2 the server must be stopped (it holds the file). Made
     * for scripts: the result alone on stdout, everything else (warnings, errors, a line of progress a batch)
     * on stderr, and an exit code for each way it ends.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import an NDJSON file of commands (one {\"path\", \"body\"} a line, as POST "
                    + "/api/v1/imports takes it) into the configured database. Prints what was done, as JSON, "
                    + "on stdout; progress, warnings and errors go to stderr.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:every line is recorded (now or by an earlier run)",
                "1:a line was refused (the batches before it stay recorded), or the file differs from the "
                        + "batches recorded under its id",
                "2:a usage error: no such file, a malformed --id",
                "3:the database is in use by a running server (the embedded H2 is one process's): stop "
                        + "it, or post the file to it",
                "4:the ledger could not start: its database, its settings (--verbose shows why)"
            })
    static final class Import implements Callable<Integer> {

        static final int REFUSED = 1;

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

        @Option(
                names = {"-v", "--verbose"},
                description = "log what the ledger does (INFO) on stderr; by default only warnings and errors")
        boolean verbose;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (!importId.matches(org.negotiationledger.core.shared.RecordId.SYNTAX)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--id must match " + org.negotiationledger.core.shared.RecordId.SYNTAX + ": '" + importId
                                + "'");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            // A principal named here obeys the rules of a user name, reserved names included: an import must not
            // pass for the demo loader's history or another operator's.
            String unfit = principal == null ? null : org.negotiationledger.api.security.Principals.problem(principal);
            if (unfit != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--principal " + unfit + ": '" + principal + "'");
            }
            String name = principal != null ? principal : "operator:" + System.getProperty("user.name");
            PrintWriter err = spec.commandLine().getErr();
            System.setProperty(
                    "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
            // Whatever writes to the process's stdout (the logs' console, a library's notice) writes to stderr
            // while the ledger runs: stdout is the result's alone, for a script to read.
            PrintStream stdout = System.out;
            System.setOut(System.err);
            try (ConfigurableApplicationContext ledger = start()) {
                Imports.Outcome outcome;
                try (InputStream lines = Files.newInputStream(file)) {
                    outcome = ledger.getBean(Imports.class)
                            .apply(importId, lines, name, (lastLine, recorded, alreadyRecorded) -> {
                                err.println("import " + importId + ": line " + lastLine + " done (" + recorded
                                        + " recorded, " + alreadyRecorded + " recorded before)");
                                err.flush();
                            });
                } catch (Imports.ImportConflictException conflict) {
                    err.println("import " + importId + ": " + conflict.getMessage());
                    err.flush();
                    return REFUSED;
                }
                spec.commandLine()
                        .getOut()
                        .println(new ObjectMapper()
                                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(outcome));
                spec.commandLine().getOut().flush();
                return outcome.stopped() ? REFUSED : 0;
            } catch (NotStarted failed) {
                err.println("import " + importId + ": " + failed.getMessage());
                err.flush();
                return failed.exitCode;
            } finally {
                System.setOut(stdout);
            }
        }

        private ConfigurableApplicationContext start() throws NotStarted {
            return startWithoutServer(
                    settings,
                    verbose,
                    "stop the server first, or post the file to it (POST /api/v1/imports?id=" + importId + ")");
        }
    }

    /**
     * Restores an exported history into the configured database, which must be empty: the events exactly as the
     * exporting ledger stored them, so that the restored ledger verifies with the export's head and keeps its
     * record times. Verifies the export before it starts anything.
     */
    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore an exported history (GET /api/v1/audit/events as application/x-ndjson) into "
                    + "the configured database, which must hold no event: verified first, then stored event for "
                    + "event as exported (seals, record times and all). Prints the restored ledger's verification "
                    + "on stdout.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:restored; the restored ledger verifies, with the export's head",
                "1:not verified: the export (the report says where), or the restored ledger; nothing restored",
                "2:a usage error: no such file, an unknown option",
                "3:the database is in use by a running server (the embedded H2 is one process's): stop it",
                "4:the ledger could not start: its database, its settings (--verbose shows why)",
                "5:the database already holds events: a history is restored into an empty ledger only"
            })
    static final class Restore implements Callable<Integer> {

        static final int NOT_VERIFIED = 1;
        static final int NOT_EMPTY = 5;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HISTORY", description = "the exported history, NDJSON")
        Path file;

        @Option(
                names = {"-v", "--verbose"},
                description = "log what the ledger does (INFO) on stderr; by default only warnings and errors")
        boolean verbose;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            PrintWriter err = spec.commandLine().getErr();
            // Checked before anything starts: a history that does not verify touches no database.
            VerificationReport exported;
            try {
                exported = HistoryRestore.verifyExport(file);
            } catch (IOException unreadable) {
                err.println("restore: " + file + " is not an exported history: " + unreadable.getMessage());
                err.flush();
                return NOT_VERIFIED;
            }
            if (!exported.verified()) {
                print(exported);
                err.println("restore: the export does not verify (the report says where); nothing was restored");
                err.flush();
                return NOT_VERIFIED;
            }
            System.setProperty(
                    "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
            PrintStream stdout = System.out;
            System.setOut(System.err);
            List<String> args = new ArrayList<>(settings);
            // The restored history is the ledger's whole history: nothing of the demo's goes before it.
            args.add("--ledger.demo-history.enabled=false");
            try (ConfigurableApplicationContext ledger = startWithoutServer(args, verbose, "stop the server first")) {
                VerificationReport restored =
                        ledger.getBean(HistoryRestore.class).restore(file);
                print(restored);
                err.println("restore: " + restored.events() + " events restored; the ledger verifies, head "
                        + restored.head() + " at index " + restored.headIndex());
                err.flush();
                return 0;
            } catch (HistoryRestore.NotEmptyException notEmpty) {
                err.println("restore: " + notEmpty.getMessage());
                err.flush();
                return NOT_EMPTY;
            } catch (HistoryRestore.NotVerifiedException notVerified) {
                if (notVerified.report() != null) {
                    print(notVerified.report());
                }
                err.println("restore: " + notVerified.getMessage());
                err.flush();
                return NOT_VERIFIED;
            } catch (NotStarted failed) {
                err.println("restore: " + failed.getMessage());
                err.flush();
                return failed.exitCode;
            } finally {
                System.setOut(stdout);
            }
        }

        private void print(VerificationReport report) throws IOException {
            spec.commandLine()
                    .getOut()
                    .println(new ObjectMapper()
                            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(report));
            spec.commandLine().getOut().flush();
        }
    }

    /** H2's error code for a database file another process holds ({@code ErrorCode.DATABASE_ALREADY_OPEN_1}). */
    private static final int DATABASE_IN_USE = org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1;

    static final int IN_USE = 3;
    static final int NOT_STARTED = 4;

    /**
     * The ledger without its HTTP server, quiet unless {@code verbose}, for an operator's command.
     *
     * @param inUseAdvice what to do when a running server holds the database
     */
    private static ConfigurableApplicationContext startWithoutServer(
            List<String> settings, boolean verbose, String inUseAdvice) throws NotStarted {
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(verbose);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("logging.level.root", verbose ? "INFO" : "WARN");
        if (!verbose) {
            // A failed start is said here, in a line; Spring's own report of it is the stack trace.
            defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            defaults.put(
                    "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        }
        application.setDefaultProperties(defaults);
        List<String> args = new ArrayList<>(settings);
        args.add("--spring.main.web-application-type=none");
        try {
            return application.run(args.toArray(String[]::new));
        } catch (RuntimeException failed) {
            SQLException inUse = inUse(failed);
            if (inUse != null) {
                throw new NotStarted(
                        IN_USE, "the database is in use by a running server" + heldFile(inUse) + ": " + inUseAdvice);
            }
            Throwable cause = failed;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new NotStarted(
                    NOT_STARTED,
                    "the ledger could not start: " + cause.getMessage()
                            + (verbose ? "" : " (--verbose shows the log)"));
        }
    }

    private static SQLException inUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_IN_USE) {
                return sql;
            }
        }
        return null;
    }

    /** The file H2 names as held, as " (file)", or nothing. */
    private static String heldFile(SQLException inUse) {
        Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(String.valueOf(inUse.getMessage()));
        return quoted.find() ? " (" + quoted.group(1) + ")" : "";
    }

    /** The ledger did not start; the message is the one line the command prints. */
    private static final class NotStarted extends Exception {
        private final int exitCode;

        NotStarted(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
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
