/** Actors: the states, organizations and offices that commitments, reports and statements refer to. */
package org.negotiationledger.core.actor;
