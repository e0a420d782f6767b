/**
 * Tamper evidence: each event is sealed with a SHA-256 digest chained to the previous event of its record,
 * and the whole history folds into one head digest; verification runs on the server and, from an export,
 * offline.
 */
package org.negotiationledger.seal;
