/** Negotiations (peace processes): their parties and mediators, and the rounds of talks held under them. */
package org.negotiationledger.core.negotiation;
