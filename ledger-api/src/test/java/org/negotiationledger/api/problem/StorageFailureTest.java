package org.negotiationledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are the store's (503 {@code storage-unavailable}, the connection dropped) and which are not, as
 * each database reports them: H2's on a full disk (FullDiskTest has them for real), PostgreSQL's disk full
 * (53100) and lost connections (08xxx, 57P01), which this machine cannot bring about in its shared PostgreSQL.
 */
class StorageFailureTest {

    @Test
    void aFullDiskIsNamedWhereverItIsInTheChain() {
        IOException full = new IOException("No space left on device");
        SQLException h2 = new SQLException("General error: MVStoreException: Writing failed", "HY000", 50000, full);
        assertThat(StorageFailure.in(new UncategorizedSQLException("insert", "INSERT", h2))
                        .reason())
                .contains("no space is left");
    }

    @Test
    void postgresqlsDiskFullAndLostConnectionsAreStorageFailures() {
        assertThat(StorageFailure.in(wrapped(new SQLException("could not extend file", "53100")))
                        .reason())
                .contains("disk is full");
        assertThat(StorageFailure.in(wrapped(new SQLException("An I/O error occurred", "08006")))
                        .reason())
                .contains("cannot be reached");
        assertThat(StorageFailure.in(wrapped(new SQLException("terminating connection", "57P01")))
                        .reason())
                .contains("shutting down");
        assertThat(StorageFailure.in(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("request timed out"))))
                .isNotNull();
    }

    @Test
    void h2sClosedDatabaseIsAStorageFailureEvenBehindAFailedRollback() {
        SQLException closed = new SQLException("The database has been closed", "90098", 90098);
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(wrapped(closed));
        assertThat(StorageFailure.in(rollback).reason()).contains("closed itself");
    }

    @Test
    void refusalsAndBugsAreNotStorageFailures() {
        assertThat(StorageFailure.in(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isNull();
        assertThat(StorageFailure.in(wrapped(new SQLException("no such table", "42P01"))))
                .isNull();
        assertThat(StorageFailure.in(new IllegalStateException("a bug"))).isNull();
    }

    @Test
    void aStorageFailureIsAnswered503WithRetryAfterAndRemembered() {
        StorageOutages outages = new StorageOutages(Clock.systemUTC());
        ProblemHandler handler = new ProblemHandler(outages);
        var answer = handler.internal(
                new CommandExecutionException("failed", wrapped(new SQLException("could not extend file", "53100"))));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getType())
                .isEqualTo(ProblemType.STORAGE_UNAVAILABLE.uri());
        assertThat(outages.current())
                .hasValueSatisfying(
                        outage -> assertThat(outage.failure().reason()).contains("disk is full"));
    }

    private static RuntimeException wrapped(SQLException failure) {
        return new UncategorizedSQLException("statement", "SQL", failure);
    }
}
