/** Stored events of older shapes read as today's: the upcasters, one class per step, and their chain. */
package org.negotiationledger.api.upcasting;
