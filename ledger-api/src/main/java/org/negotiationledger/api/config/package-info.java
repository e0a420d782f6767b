/** Wiring: Axon (serializer, aggregates, the supersession policy, attribution) and JSON. */
package org.negotiationledger.api.config;
