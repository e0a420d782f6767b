package org.negotiationledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.api.config.AxonConfig;
import org.negotiationledger.api.store.EventStoreDirectory;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RecordId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every command takes, from HTTP or from the demo history: in one database transaction it
 * dispatches the command (whose events are appended in that transaction) and, when the client sent an
 * {@code Idempotency-Key}, records the answer under that key. The transaction commits before the caller
 * answers 201, so an acknowledged command is on disk.
 */
@Service
public class LedgerCommands {

    /**
     * A command to submit, with what the answer needs: the record's id and path, and, for a command that creates
     * a record, the stream it creates (null otherwise).
     */
    public record Submission(Object command, String id, String location, String createsStream, Object requestBody) {

        boolean creates() {
            return createsStream != null;
        }
    }

    /** The answer to an accepted command: the record's id, its new version and where it can be read. */
    public record Accepted(String id, long version, URI location) {
    }

    private final CommandGateway commandGateway;
    private final TransactionTemplate transactions;
    private final IdempotencyRecords idempotency;
    private final ObjectMapper json;
    private final EventStoreDirectory directory;

    public LedgerCommands(CommandGateway commandGateway, TransactionTemplate transactions,
            IdempotencyRecords idempotency, ObjectMapper json, EventStoreDirectory directory) {
        this.directory = directory;
        this.commandGateway = commandGateway;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.json = json;
    }

    public Accepted submit(Submission submission, String principal, String idempotencyKey) {
        if (idempotencyKey == null) {
            return transactions.execute(status -> dispatch(submission, principal));
        }
        String fingerprint = fingerprint(submission);
        for (int attempt = 0; ; attempt++) {
            Optional<Accepted> first = idempotency.find(principal, idempotencyKey, fingerprint);
            if (first.isPresent()) {
                return first.get();
            }
            try {
                return transactions.execute(status -> {
                    Accepted accepted = dispatch(submission, principal);
                    idempotency.save(principal, idempotencyKey, fingerprint, accepted);
                    return accepted;
                });
            } catch (DuplicateKeyException raced) {
                // Another request with this key committed first; this one rolled back. Answer as that one did.
                if (attempt > 0) {
                    throw raced;
                }
            }
        }
    }

    private Accepted dispatch(Submission submission, String principal) {
        if (submission.creates() && directory.streamExists(submission.createsStream())) {
            throw alreadyExists(submission);
        }
        Object result;
        try {
            result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(submission.command())
                    .andMetaData(Map.of(AxonConfig.PRINCIPAL, principal)));
        } catch (EventStoreException | ConcurrencyException raced) {
            // Two requests created the same id at once; the stream's unique key let one through.
            if (submission.creates() && directory.streamExists(submission.createsStream())) {
                throw alreadyExists(submission);
            }
            throw raced;
        }
        // A creating handler answers the new stream's id; every creation records exactly one event in it.
        long version = submission.creates() ? 0L : ((Number) result).longValue();
        return new Accepted(submission.id(), version, URI.create(submission.location()));
    }

    private static DuplicateRecordException alreadyExists(Submission submission) {
        return new DuplicateRecordException("a" + (submission.createsStream().startsWith("a") ? "n " : " ")
                + RecordId.kindOf(submission.createsStream()) + " with id '" + submission.id()
                + "' already exists; choose another id, or omit it to have one assigned");
    }

    /** The same key with the same request (path and body) replays; with another request it is refused. */
    private String fingerprint(Submission submission) {
        try {
            byte[] request = (submission.command().getClass().getName() + "\n" + submission.location() + "\n"
                    + json.writeValueAsString(submission.requestBody())).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
