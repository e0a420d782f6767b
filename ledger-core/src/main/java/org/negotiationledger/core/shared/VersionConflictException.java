package org.negotiationledger.core.shared;

/** A command expected its record at a version the record no longer (or not yet) has. */
public class VersionConflictException extends RuntimeException {

    private final long expected;
    private final long actual;

    public VersionConflictException(long expected, long actual) {
        super("expected version " + expected + " but the record is at version " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }

    /**
     * Refuses a command whose {@code expectedVersion} (when given) is not the record's current version. Called
     * first in a command handler, where {@code current} is the version of the loaded record.
     */
    public static void expect(Long expectedVersion, Long current) {
        long actual = current == null ? -1 : current;
        if (expectedVersion != null && expectedVersion != actual) {
            throw new VersionConflictException(expectedVersion, actual);
        }
    }
}
