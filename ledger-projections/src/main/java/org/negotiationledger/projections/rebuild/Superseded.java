package org.negotiationledger.projections.rebuild;

/** Thrown when the build is no longer this server's to carry out: another has taken it, or the views' work. */
final class Superseded extends RuntimeException {
    Superseded() {
        super("the rebuild is no longer this server's", null, false, false);
    }
}
