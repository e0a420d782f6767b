/**
 * Wiring: Axon (serializer, aggregates, the supersession policy, attribution, its meters), JSON, the beans of
 * the views and of storage, and the server's daemon threads.
 */
package org.negotiationledger.api.config;
