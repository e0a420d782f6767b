/** A ledger restored from an exported history: into an empty database, event for event as it was stored. */
package org.negotiationledger.api.restore;
