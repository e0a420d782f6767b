/**
 * The live projection: applies {@link org.negotiationledger.projections.fold.ViewFold} to the event stream and
 * keeps the result in the {@code view_*} tables, a batch of events per transaction; and the queries that read
 * those tables back.
 */
package org.negotiationledger.projections.store;
