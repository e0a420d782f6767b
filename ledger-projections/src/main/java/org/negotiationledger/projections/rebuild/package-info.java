/**
 * The rebuild of the views into a new generation of their tables while the serving one keeps answering: the
 * request row and its states ({@link org.negotiationledger.projections.rebuild.RebuildRequests},
 * {@link org.negotiationledger.projections.rebuild.RebuildState}), and the steps one server carries out over
 * it, coordinated by {@link org.negotiationledger.projections.rebuild.Rebuilds}: the build, the switch, and the
 * retirement of the generation left behind.
 */
package org.negotiationledger.projections.rebuild;
