package org.negotiationledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.negotiationledger.api.command.ImportLines.Line;
import org.negotiationledger.api.command.ImportLines.Unreadable;
import org.negotiationledger.api.problem.BodyTooLargeException;
import org.negotiationledger.api.problem.FieldByField;
import org.negotiationledger.api.problem.FieldError;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.api.problem.MalformedBodyException;
import org.negotiationledger.api.problem.ProblemException;
import org.negotiationledger.api.problem.ProblemHandler;
import org.negotiationledger.api.problem.ProblemType;
import org.negotiationledger.seal.Seal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import: NDJSON, one command per line as {@code {"path": "/api/v1/...", "body": {...}}}, exactly the body
 * that path takes over HTTP. Lines are applied in order, in batches of {@code ledger.imports.batch-size}, each
 * batch one transaction with its entry in {@code import_batch}: all of it is recorded, or none. The first
 * refused line stops the import; the batches before it stay recorded, nothing of its own batch is. Posted
 * again under the same import id, the file's recorded batches are skipped (their lines must be unchanged) and
 * the rest applied, so a client that lost the connection, or corrected a line, posts the whole file again.
 *
 * <p>The file is read as it arrives, a batch at a time: what an import holds is one batch, whatever the size of
 * the file. That needs no look ahead for conflicts: a post records a batch only after every batch before it is
 * recorded, so the recorded batches of an import are always its first ones, and a post that differs from them
 * meets the difference before it has recorded anything.
 */
@Service
public class Imports {

    /** What an import did: lines recorded now, lines skipped as recorded before, and where it stopped, if it did. */
    public record Outcome(
            String importId,
            int lines,
            int recorded,
            int alreadyRecorded,
            int batches,
            Integer failedLine,
            ProblemDetail problem) {

        public boolean stopped() {
            return failedLine != null;
        }
    }

    /** Progress of an import as its committed batches show it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ImportProgress")
    public record Progress(String importId, int batches, int lines, int lastLine, String lastCommittedAt) {}

    /** Told of each batch done, recorded now or before: for a command line that shows its progress. */
    @FunctionalInterface
    public interface Listener {
        void batchDone(int lastLine, int recorded, int alreadyRecorded);

        Listener NONE = (lastLine, recorded, alreadyRecorded) -> {};
    }

    /** A line of the file as it must be: the path a command is posted to and its body, nothing else. */
    record ImportLine(String path, JsonNode body) {}

    /** A line read as the command it stands for, and the path it names. */
    private record Prepared(LedgerCommands.Submission submission, String path) {}

    /** An import posted again with lines that differ from those recorded under its id. */
    public static class ImportConflictException extends ProblemException {
        ImportConflictException(String message) {
            super(ProblemType.IMPORT_CONFLICT, message);
        }
    }

    /** A refused line, with the problem the single endpoint would answer. */
    private static final class LineRefused extends RuntimeException {
        private final int line;
        private final ProblemDetail problem;

        LineRefused(int line, ProblemDetail problem) {
            super(null, null, false, false);
            this.line = line;
            this.problem = problem;
        }
    }

    private final LedgerCommands ledger;
    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemHandler problems;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int maxLineBytes;
    private final HttpFirewall firewall;

    Imports(
            LedgerCommands ledger,
            ObjectMapper json,
            Validator validator,
            ProblemHandler problems,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${ledger.imports.batch-size:1000}") int batchSize,
            @Value("${ledger.http.max-body-size:256KB}") DataSize maxLine,
            ObjectProvider<HttpFirewall> firewall) {
        this.ledger = ledger;
        this.json = json;
        this.validator = validator;
        this.problems = problems;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxLineBytes = Math.toIntExact(maxLine.toBytes());
        // The firewall Spring Security puts before every request (its default, unless the application has one).
        this.firewall = firewall.getIfAvailable(StrictHttpFirewall::new);
    }

    /**
     * Applies a file as {@code principal}, reading it as it comes.
     *
     * @throws ImportConflictException when a batch recorded before under this id holds other lines; nothing
     *                                 is recorded then
     */
    public Outcome apply(String importId, InputStream ndjson, String principal, Listener listener) {
        Map<Integer, String> recordedBefore = new HashMap<>();
        jdbc.query(
                "SELECT batch, lines_hash FROM import_batch WHERE import_id = ?",
                rs -> {
                    recordedBefore.put(rs.getInt(1), rs.getString(2));
                },
                importId);
        ImportLines file = new ImportLines(ndjson, maxLineBytes);
        int lines = 0;
        int recorded = 0;
        int skipped = 0;
        for (int b = 0; ; b++) {
            List<Line> batch = new ArrayList<>(Math.min(batchSize, 1024));
            try {
                for (Line line = null; batch.size() < batchSize && (line = file.next()) != null; ) {
                    batch.add(line);
                }
            } catch (Unreadable unreadable) {
                int total = lines + batch.size() + 1 + file.countRest();
                return stopped(importId, total, recorded, skipped, unreadable.line(), problemOf(unreadable));
            }
            if (batch.isEmpty()) {
                break;
            }
            lines += batch.size();
            String before = recordedBefore.get(b);
            if (before != null) {
                if (!hash(batch).equals(before)) {
                    // Read to the end, as after any stop: a client still sending gets the answer, not a reset.
                    file.countRest();
                    throw conflict(importId, b);
                }
                skipped += batch.size();
                listener.batchDone(batch.get(batch.size() - 1).number(), recorded, skipped);
                continue;
            }
            try {
                record(importId, b, batch, principal);
                recorded += batch.size();
            } catch (LineRefused refused) {
                int total = lines + file.countRest();
                return stopped(importId, total, recorded, skipped, refused.line, refused.problem);
            } catch (DuplicateKeyException concurrent) {
                // Another post of this import recorded the batch first (its entry commits with its events), and
                // this attempt was rolled back whole: the same lines are recorded already; others conflict. An
                // answer now, not an error: batches of this post may be recorded.
                String first = jdbc.queryForObject(
                        "SELECT lines_hash FROM import_batch WHERE import_id = ? AND batch = ?",
                        String.class,
                        importId,
                        b);
                if (!hash(batch).equals(first)) {
                    int total = lines + file.countRest();
                    return stopped(
                            importId,
                            total,
                            recorded,
                            skipped,
                            batch.get(0).number(),
                            ProblemType.IMPORT_CONFLICT.problem("another post of import '" + importId
                                    + "' recorded other lines in this batch first"));
                }
                skipped += batch.size();
            }
            listener.batchDone(batch.get(batch.size() - 1).number(), recorded, skipped);
        }
        int batches = batches(lines);
        for (int b : recordedBefore.keySet()) {
            if (b >= batches) {
                // A shorter file than the one recorded: every batch of it was recorded before, none now.
                throw conflict(importId, b);
            }
        }
        return new Outcome(importId, lines, recorded, skipped, batches, null, null);
    }

    private Outcome stopped(String importId, int lines, int recorded, int skipped, int line, ProblemDetail problem) {
        return new Outcome(importId, lines, recorded, skipped, batches(lines), line, problem);
    }

    private int batches(int lines) {
        return (lines + batchSize - 1) / batchSize;
    }

    private ImportConflictException conflict(String importId, int batch) {
        return new ImportConflictException("import '" + importId + "' was recorded before with other lines in "
                + "batch " + (batch + 1) + " (" + batchSize + " lines a batch): post the same "
                + "file again, changing only lines not yet recorded, or use a new import id");
    }

    /** What a line that could not be read answers: as a body that could not be read would. */
    private static ProblemDetail problemOf(Unreadable unreadable) {
        return switch (unreadable.kind()) {
            case TOO_LONG -> ProblemType.REQUEST_TOO_LARGE.problem(unreadable.getMessage());
            case NOT_UTF8 -> ProblemType.MALFORMED_REQUEST.problem(unreadable.getMessage());
            case BODY -> {
                Throwable cause = unreadable.getCause();
                if (BodyTooLargeException.in(cause) != null) {
                    yield ProblemType.REQUEST_TOO_LARGE.problem(cause.getMessage());
                }
                MalformedBodyException malformed = MalformedBodyException.in(cause);
                yield ProblemType.MALFORMED_REQUEST.problem(
                        malformed != null
                                ? malformed.getMessage()
                                : "the body could not be read to its end, from line " + unreadable.line());
            }
        };
    }

    public Progress progress(String importId) {
        return jdbc.query(
                "SELECT COUNT(*), COALESCE(SUM(last_line - first_line + 1), 0), COALESCE(MAX(last_line), 0), "
                        + "MAX(committed_at) FROM import_batch WHERE import_id = ?",
                rs -> {
                    rs.next();
                    Timestamp last = rs.getTimestamp(4);
                    return new Progress(
                            importId,
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            last == null ? null : last.toInstant().toString());
                },
                importId);
    }

    private void record(String importId, int batchIndex, List<Line> batch, String principal) {
        List<Prepared> commands = new ArrayList<>(batch.size());
        for (Line line : batch) {
            commands.add(prepare(line));
        }
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < commands.size(); i++) {
                try {
                    ledger.submit(
                            commands.get(i).submission(),
                            principal,
                            null,
                            commands.get(i).path());
                } catch (RuntimeException refused) {
                    throw new LineRefused(batch.get(i).number(), problems.problemOf(refused));
                }
            }
            jdbc.update(
                    "INSERT INTO import_batch (import_id, batch, first_line, last_line, lines_hash, principal, "
                            + "committed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    importId,
                    batchIndex,
                    batch.get(0).number(),
                    batch.get(batch.size() - 1).number(),
                    hash(batch),
                    principal,
                    Timestamp.from(clock.instant()));
        });
    }

    /** A line as the command it stands for, checked as the endpoint checks its body; refused as it would be. */
    private Prepared prepare(Line line) {
        try {
            JsonNode node = json.readTree(line.text());
            if (node == null || !node.isObject()) {
                throw notALine();
            }
            // Read strictly, as a body is: a key besides path and body is refused, naming it.
            ImportLine read = json.treeToValue(node, ImportLine.class);
            if (read.path() == null || read.body() == null || !read.body().isObject()) {
                throw notALine();
            }
            String path = read.path();
            LinePaths.check(firewall, path);
            CommandRoutes.Matched matched = CommandRoutes.match(path)
                    .orElseThrow(() -> new InvalidFieldException(
                            "path",
                            "'" + path + "' is not a path a command is posted to; the paths are in docs/http-api.md"));
            // Bound as its endpoint binds a body: every field at fault named in one answer
            Object body = FieldByField.bind(
                    json,
                    validator,
                    read.body(),
                    json.constructType(matched.route().body()));
            Set<ConstraintViolation<Object>> violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new LineRefused(
                        line.number(),
                        ProblemHandler.invalidFields(violations.stream()
                                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                                .sorted(Comparator.comparing(FieldError::field))
                                .toList()));
            }
            return new Prepared(matched.route().submission(matched.variables(), body, clock.instant()), path);
        } catch (LineRefused refused) {
            throw refused;
        } catch (JsonProcessingException | RuntimeException refused) {
            throw new LineRefused(line.number(), problems.problemOf(refused));
        }
    }

    private static InvalidFieldException notALine() {
        return new InvalidFieldException(
                "line",
                "must be a JSON object with the path a command is posted to (\"path\") and its body (\"body\")");
    }

    private static String hash(List<Line> batch) {
        MessageDigest sha = Seal.sha256();
        for (Line line : batch) {
            sha.update((line.number() + "\n" + line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Seal.hex(sha.digest());
    }
}
