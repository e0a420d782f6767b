/**
 * The live projection: applies {@link org.negotiationledger.projections.fold.ViewFold} to the event stream and
 * keeps the result in the serving generation of the {@code view_*} tables, a batch of events per transaction;
 * the generations themselves ({@link org.negotiationledger.projections.tables.ViewTables}); and the queries that
 * read them back.
 */
package org.negotiationledger.projections.tables;
