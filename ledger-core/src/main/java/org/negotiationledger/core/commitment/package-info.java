/**
 * Commitments (truces and pledges) and the violation reports made against them: when a commitment is in
 * force, who may be accused, and how a report is assessed or retracted.
 */
package org.negotiationledger.core.commitment;
