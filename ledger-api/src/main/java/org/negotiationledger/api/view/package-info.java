/**
 * The query side of the HTTP API: the views of http-api.md, the endpoint that asks for their rebuild (carried out
 * in ledger-projections' {@code rebuild}), and the projection's health and metrics.
 */
package org.negotiationledger.api.view;
