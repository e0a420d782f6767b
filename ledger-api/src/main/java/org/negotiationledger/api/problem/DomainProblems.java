package org.negotiationledger.api.problem;

import java.sql.SQLException;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.UnknownReferenceException;
import org.negotiationledger.core.shared.VersionConflictException;
import org.springframework.http.ProblemDetail;

/**
 * The answers to the domain's refusals and Axon's, which cannot carry their own (the core knows nothing of
 * HTTP): a rule broken 422, an addressed record missing 404, a stale version or a taken id 409.
 */
final class DomainProblems {

    private DomainProblems() {}

    /** The problem of this refusal, or null when it is not one the domain or the store makes. */
    static ProblemDetail of(RuntimeException ex) {
        if (ex instanceof UnknownReferenceException unknown) {
            return ProblemType.UNKNOWN_REFERENCE.problem(unknown.getMessage(), fieldAtFault(unknown.field(), unknown));
        }
        if (ex instanceof RuleViolationException rule) {
            return ProblemType.RULE_VIOLATED.problem(rule.getMessage(), fieldAtFault(rule.field(), rule));
        }
        if (ex instanceof RecordNotFoundException) {
            return ProblemType.NOT_FOUND.problem(ex.getMessage());
        }
        if (ex instanceof AggregateNotFoundException missing) {
            return ProblemType.NOT_FOUND.problem(
                    "no " + describe(String.valueOf(missing.getAggregateIdentifier())) + " in the ledger");
        }
        if (ex instanceof VersionConflictException conflict) {
            return ProblemType.VERSION_CONFLICT.problem(
                    conflict.getMessage() + "; read the record again and decide on its current state",
                    fieldAtFault("expectedVersion", conflict));
        }
        if (concurrentWrite(ex)) {
            return ProblemType.VERSION_CONFLICT.problem(
                    "the record was changed by another request at the same time; retry");
        }
        if (ex instanceof DuplicateRecordException) {
            return ProblemType.DUPLICATE_ID.problem(ex.getMessage(), fieldAtFault("id", ex));
        }
        if (ex instanceof AggregateStreamCreationException) {
            return ProblemType.DUPLICATE_ID.problem(
                    "a record with this id already exists; choose another id or omit it to have one assigned",
                    List.of(new FieldError("id", "already exists")));
        }
        return null;
    }

    private static List<FieldError> fieldAtFault(String field, RuntimeException ex) {
        return field == null ? null : List.of(new FieldError(field, ex.getMessage()));
    }

    /**
     * Another writer got to the record first: Axon saw the version move on, or a unique key of the event table
     * refused the append (another node appended at the same sequence; within one node the record's lock
     * prevents it). A stream that already exists is a taken id, not a race.
     */
    private static boolean concurrentWrite(RuntimeException ex) {
        if (ex instanceof ConflictingAggregateVersionException) {
            return true;
        }
        if (ex instanceof ConcurrencyException && !(ex instanceof AggregateStreamCreationException)) {
            return true;
        }
        return Causes.first(
                        ex,
                        t -> t instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("23"))
                != null;
    }

    /** 'commitment moscow-2020-10-10' for the stream key 'commitment:moscow-2020-10-10'. */
    private static String describe(String streamKey) {
        return RecordId.kindOf(streamKey) + " '" + RecordId.slugOf(streamKey) + "'";
    }
}
