/** The ledger's server: HTTP commands and queries over an Axon event store (H2 by default, or PostgreSQL). */
package org.negotiationledger.api;
