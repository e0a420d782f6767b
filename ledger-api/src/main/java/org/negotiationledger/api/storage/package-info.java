/**
 * The database under the ledger: what the write model asks of the event store beyond its own streams (records
 * cached and checked, snapshots), answers made durable before they are sent, and the store's health.
 */
package org.negotiationledger.api.storage;
