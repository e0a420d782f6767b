package org.negotiationledger.api.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure of the store rather than of the request: the disk is full, the embedded database closed itself after
 * a write failed, the database cannot be reached. Such a failure passes when the store is back, so it is answered
 * {@code 503 storage-unavailable} with {@code Retry-After}, never {@code 500}, and the pool drops the connection
 * it came on ({@code store.BrokenConnections}) so that the next one reopens the store.
 *
 * @param reason what an operator reads in the answer and in health: which part of the store failed, no internals
 */
public record StorageFailure(String reason) {

    /** H2: the database was closed (after a write failed, it closes itself) or is closing. */
    private static final int H2_DATABASE_CLOSED = 90098;

    private static final int H2_CLOSING = 90121;
    /** H2: a file could not be read or written. */
    private static final int H2_IO_EXCEPTION = 90028;

    private static final int H2_IO_EXCEPTION_2 = 90031;

    private static final String FULL = "no space is left on the file system that holds the ledger's data";

    /** The storage failure this failure is, or null when it is not one (a refusal, a bug). */
    public static StorageFailure in(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 100; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
            // A rollback that failed because the connection died hides the failure that made it roll back.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                chain.addAll(chainOf(rollback.getApplicationException()));
            }
        }
        if (chain.stream().anyMatch(StorageFailure::noSpace)) {
            return new StorageFailure(FULL);
        }
        return chain.stream()
                .map(StorageFailure::reason)
                .filter(Objects::nonNull)
                .findFirst()
                .map(StorageFailure::new)
                .orElse(null);
    }

    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 100; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String reason(Throwable t) {
        if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
            return "the embedded database could not write its file; it is reopened once it can";
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            int code = sql.getErrorCode();
            if (state.equals("53100")) {
                return "the database server's disk is full";
            }
            if (state.startsWith("53")) {
                return "the database server is out of resources (SQLState " + state + ")";
            }
            if (state.startsWith("08") || t instanceof SQLTransientConnectionException) {
                return "the database cannot be reached";
            }
            if (state.startsWith("57P")) {
                return "the database server is shutting down or restarting";
            }
            if (code == H2_DATABASE_CLOSED || code == H2_CLOSING) {
                return "the embedded database closed itself after a write failed; it is reopened once it can";
            }
            if (code == H2_IO_EXCEPTION || code == H2_IO_EXCEPTION_2) {
                return "the embedded database could not read or write its file";
            }
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return "the connection to the database was lost";
            }
        }
        if (t instanceof DataAccessResourceFailureException) {
            return "the database cannot be reached";
        }
        return null;
    }

    /** ENOSPC, or a quota reached, as the JDK reports it on Linux, macOS and Windows. */
    private static boolean noSpace(Throwable t) {
        String message = t.getMessage();
        return t instanceof IOException
                && message != null
                && (message.contains("No space left on device")
                        || message.contains("Disk quota exceeded")
                        || message.contains("There is not enough space on the disk"));
    }
}
