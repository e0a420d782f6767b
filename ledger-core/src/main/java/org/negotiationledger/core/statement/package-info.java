/** Statements: what an actor said about a negotiation or a commitment (condemnations, calls, support...). */
package org.negotiationledger.core.statement;
