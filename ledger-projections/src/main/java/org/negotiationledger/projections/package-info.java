/**
 * The read side. {@code fold}: each view's logic, once, as pure functions from events to state and from
 * state to what a client sees at a valid time. {@code tables}: the live projection that applies those same
 * functions to the event stream and keeps the result in tables. {@code rebuild}: the same fold over the whole
 * history into a new generation of those tables, switched to in one step. The rebuild and the as-of
 * reconstruction call the same folds, so the three cannot disagree.
 */
package org.negotiationledger.projections;
