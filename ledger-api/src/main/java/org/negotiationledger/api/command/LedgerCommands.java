package org.negotiationledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.api.config.AxonConfig;
import org.negotiationledger.api.storage.EventStoreDirectory;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.seal.Seal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one path every command takes, from HTTP or from the demo history. Axon's unit of work runs the command
 * in one database transaction: the events are appended in it and, when the client sent an
 * {@code Idempotency-Key}, so is the answer under that key ({@link IdempotencyInterceptor}). The transaction
 * commits before this returns, so an acknowledged command is on disk, and the record's lock is held until
 * then, so concurrent writers to one record are serialized.
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

        /** A creating handler answers the new stream's id; every creation records exactly one event in it. */
        static Accepted of(Object handlerResult, String id, String location, boolean creates) {
            return new Accepted(id, creates ? 0L : ((Number) handlerResult).longValue(), URI.create(location));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LedgerCommands.class);

    /** How often a command is run when another server keeps appending to its record first. */
    private static final int RACED_ATTEMPTS = 3;

    private final CommandGateway commandGateway;
    private final IdempotencyRecords idempotency;
    private final ObjectMapper json;
    private final EventStoreDirectory directory;
    private final MeterRegistry meters;

    public LedgerCommands(
            CommandGateway commandGateway,
            IdempotencyRecords idempotency,
            ObjectMapper json,
            EventStoreDirectory directory,
            MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.idempotency = idempotency;
        this.json = json;
        this.directory = directory;
        this.meters = meters;
    }

    /**
     * Runs a command as {@code principal}. With an {@code idempotencyKey}, the first answer under that key is
     * kept with the events, and the same request again (the same command posted to the same path with the same
     * body) answers exactly that, recording nothing.
     *
     * @param postedTo the path the request was posted to: with the body, what makes two requests the same. Not
     *                 the record's location, which holds an id the ledger may have just assigned.
     */
    public Accepted submit(Submission submission, String principal, String idempotencyKey, String postedTo) {
        String type = submission.command().getClass().getSimpleName();
        try {
            return submitOnce(submission, principal, idempotencyKey, postedTo, type);
        } catch (RuntimeException e) {
            count(type, "refused");
            CommandRefusals.countedHere();
            throw e;
        }
    }

    /**
     * {@code ledger.commands}: how many commands of each type were recorded, replayed (idempotently) or refused;
     * refusals before a command gets here are counted by {@link CommandRefusals}.
     */
    static Counter commands(MeterRegistry meters, String type, String outcome) {
        return Counter.builder("ledger.commands")
                .description("commands by type and outcome: recorded, replayed (an Idempotency-Key seen before), "
                        + "refused (by any layer)")
                .tags("type", type, "outcome", outcome)
                .register(meters);
    }

    private void count(String type, String outcome) {
        commands(meters, type, outcome).increment();
    }

    /** The type a route's command is counted under: its command's name, as {@link #submit} counts it. */
    static String commandType(CommandRoutes.Route<?> route) {
        return route.body().getSimpleName().replaceFirst("Request$", "");
    }

    private Accepted submitOnce(
            Submission submission, String principal, String idempotencyKey, String postedTo, String type) {
        if (idempotencyKey == null) {
            return recorded(type, dispatch(submission, principal, Map.of()));
        }
        String fingerprint = fingerprint(submission, postedTo);
        Optional<Accepted> first = idempotency.find(principal, idempotencyKey, fingerprint);
        if (first.isPresent()) {
            count(type, "replayed");
            return first.get();
        }
        try {
            return recorded(
                    type,
                    dispatch(
                            submission,
                            principal,
                            IdempotencyInterceptor.mark(idempotencyKey, fingerprint, submission)));
        } catch (RuntimeException e) {
            // A concurrent request with this key may have committed first, and this one failed because of it (its
            // record id was taken, or its key): then answer as that one did. Any other failure stands.
            Accepted earlier =
                    idempotency.find(principal, idempotencyKey, fingerprint).orElseThrow(() -> e);
            count(type, "replayed");
            return earlier;
        }
    }

    private Accepted recorded(String type, Accepted accepted) {
        count(type, "recorded");
        log.debug("{} recorded: {} version {}", type, accepted.location(), accepted.version());
        return accepted;
    }

    private Accepted dispatch(Submission submission, String principal, Map<String, String> mark) {
        if (submission.creates() && directory.streamExists(submission.createsStream())) {
            throw alreadyExists(submission);
        }
        Map<String, Object> metaData = new HashMap<>(mark);
        metaData.put(AxonConfig.PRINCIPAL, principal);
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(submission.command())
                        .andMetaData(metaData));
                return Accepted.of(result, submission.id(), submission.location(), submission.creates());
            } catch (EventStoreException | ConcurrencyException raced) {
                // Two requests created the same id at once; the stream's unique key let one through.
                if (submission.creates() && directory.streamExists(submission.createsStream())) {
                    throw alreadyExists(submission);
                }
                // Another server appended to the record between this one's load and its append: nothing of this
                // attempt was recorded, and the next one decides on the record as it now stands (a version the
                // client stated is checked then, as always).
                // Inside a transaction of its caller (a batch of an import) the failed write has spoilt it: the
                // caller's whole transaction is what can be run again.
                if (submission.creates()
                        || attempt == RACED_ATTEMPTS
                        || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw raced;
                }
            }
        }
    }

    private static DuplicateRecordException alreadyExists(Submission submission) {
        String kind = RecordId.kindOf(submission.createsStream());
        return new DuplicateRecordException((kind.startsWith("a") ? "an " : "a ") + kind + " with id '"
                + submission.id() + "' already exists; choose another id, or omit it to have one assigned");
    }

    /** The same key with the same request (path and body) replays; with another request it is refused. */
    private String fingerprint(Submission submission, String postedTo) {
        try {
            return Seal.sha256Hex(submission.command().getClass().getName() + "\n" + postedTo + "\n"
                    + json.writeValueAsString(submission.requestBody()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
