/** Every error as RFC 9457 problem details: the right status, the field at fault, no stack trace. */
package org.negotiationledger.api.problem;
