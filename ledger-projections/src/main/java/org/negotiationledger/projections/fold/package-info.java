/** The views' logic as pure folds: no framework, no clock, no I/O (an ArchUnit test keeps it so). */
package org.negotiationledger.projections.fold;
