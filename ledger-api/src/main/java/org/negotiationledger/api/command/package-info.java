/**
 * The write side of the HTTP API: request bodies as validated records, the controllers that turn them into
 * commands, and {@link org.negotiationledger.api.command.LedgerCommands}, the one path every command takes
 * (transaction, idempotency, attribution).
 */
package org.negotiationledger.api.command;
