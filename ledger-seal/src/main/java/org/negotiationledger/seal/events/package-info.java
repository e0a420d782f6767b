/**
 * The one door to Axon's event and token tables ({@code DomainEventEntry}, {@code TokenEntry}) for everything
 * that reads them beside Axon's own storage engine: the head, pages and single events, and a tracking
 * processor's stored position, and a restore's verbatim append, so that the tables' layout is known in one class.
 */
package org.negotiationledger.seal.events;
