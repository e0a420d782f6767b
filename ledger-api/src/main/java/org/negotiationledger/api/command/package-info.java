/**
 * The write side of the HTTP API: request bodies as validated records, the table of command routes that turns
 * them into commands (for the controllers and the bulk import alike), and
 * {@link org.negotiationledger.api.command.LedgerCommands}, the one path every command takes (transaction,
 * idempotency, attribution).
 */
package org.negotiationledger.api.command;
