/** What the write model asks of the event store beyond its own streams. */
package org.negotiationledger.api.store;
