package org.negotiationledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.negotiationledger.api.problem.FieldError;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.api.problem.ProblemException;
import org.negotiationledger.api.problem.ProblemHandler;
import org.negotiationledger.api.problem.ProblemType;
import org.negotiationledger.seal.Seal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import: NDJSON, one command per line as {@code {"path": "/api/v1/...", "body": {...}}}, exactly the body
 * that path takes over HTTP. Lines are applied in order, in batches of {@code ledger.imports.batch-size}, each
 * batch one transaction with its entry in {@code import_batch}: all of it is recorded, or none. The first
 * refused line stops the import; the batches before it stay recorded, nothing of its own batch is. Posted
 * again under the same import id, the file's recorded batches are skipped (their lines must be unchanged) and
 * the rest applied, so a client that lost the connection, or corrected a line, posts the whole file again.
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

    /** A line of the file: its number (from 1) and text. */
    private record Line(int number, String text) {}

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

    Imports(
            LedgerCommands ledger,
            ObjectMapper json,
            Validator validator,
            ProblemHandler problems,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${ledger.imports.batch-size:1000}") int batchSize) {
        this.ledger = ledger;
        this.json = json;
        this.validator = validator;
        this.problems = problems;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Applies a file as {@code principal}.
     *
     * @throws ImportConflictException when a batch recorded before under this id holds other lines; nothing
     *                                 is recorded then
     */
    public Outcome apply(String importId, String ndjson, String principal) {
        List<List<Line>> batches = batches(ndjson);
        Map<Integer, String> recordedBefore = new HashMap<>();
        jdbc.query(
                "SELECT batch, lines_hash FROM import_batch WHERE import_id = ?",
                rs -> {
                    recordedBefore.put(rs.getInt(1), rs.getString(2));
                },
                importId);
        for (Map.Entry<Integer, String> batch : recordedBefore.entrySet()) {
            if (batch.getKey() >= batches.size()
                    || !hash(batches.get(batch.getKey())).equals(batch.getValue())) {
                throw new ImportConflictException("import '" + importId + "' was recorded before with other lines in "
                        + "batch " + (batch.getKey() + 1) + " (" + batchSize + " lines a batch): post the same "
                        + "file again, changing only lines not yet recorded, or use a new import id");
            }
        }
        int lines = batches.stream().mapToInt(List::size).sum();
        int recorded = 0;
        int skipped = 0;
        for (int b = 0; b < batches.size(); b++) {
            List<Line> batch = batches.get(b);
            if (recordedBefore.containsKey(b)) {
                skipped += batch.size();
                continue;
            }
            try {
                record(importId, b, batch, principal);
                recorded += batch.size();
            } catch (LineRefused refused) {
                return new Outcome(importId, lines, recorded, skipped, batches.size(), refused.line, refused.problem);
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
                    return new Outcome(
                            importId,
                            lines,
                            recorded,
                            skipped,
                            batches.size(),
                            batch.get(0).number(),
                            ProblemType.IMPORT_CONFLICT.problem("another post of import '" + importId
                                    + "' recorded other lines in this batch first"));
                }
                skipped += batch.size();
            }
        }
        return new Outcome(importId, lines, recorded, skipped, batches.size(), null, null);
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
            if (node == null
                    || !node.isObject()
                    || !node.path("path").isTextual()
                    || !node.path("body").isObject()) {
                throw new InvalidFieldException(
                        "line",
                        "must be a JSON object with the path a command is posted to "
                                + "(\"path\") and its body (\"body\")");
            }
            String path = node.get("path").asText();
            CommandRoutes.Matched matched = CommandRoutes.match(path)
                    .orElseThrow(() -> new InvalidFieldException(
                            "path",
                            "'" + path + "' is not a path a command is posted to; the paths are in docs/http-api.md"));
            Object body = json.treeToValue(node.get("body"), matched.route().body());
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

    private List<List<Line>> batches(String ndjson) {
        List<List<Line>> batches = new ArrayList<>();
        List<Line> current = new ArrayList<>(batchSize);
        String[] texts = ndjson.split("\r?\n", -1);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                continue;
            }
            current.add(new Line(i + 1, texts[i]));
            if (current.size() == batchSize) {
                batches.add(current);
                current = new ArrayList<>(batchSize);
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static String hash(List<Line> batch) {
        MessageDigest sha = Seal.sha256();
        for (Line line : batch) {
            sha.update((line.number() + "\n" + line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Seal.hex(sha.digest());
    }
}
