/**
 * The write model of the negotiation ledger: commands, events, value types and the aggregates that enforce
 * the rules of {@code docs/domain.md}. Depends on Axon only; deterministic (time comes from commands).
 */
package org.negotiationledger.core;
