package org.negotiationledger.core.shared;

import java.util.regex.Pattern;

/**
 * What every record id has in common: the slug syntax of the HTTP contract, and a stream key.
 *
 * <p>Actors, negotiations, commitments and statements live in one event store whose streams are keyed by
 * a single string. Each id type prefixes its slug with the record kind ({@code toString()}, which Axon uses
 * as the aggregate identifier), so an actor and a negotiation may share a slug without sharing a stream.
 */
public final class RecordId {

    /** The id syntax of the HTTP contract. */
    public static final String SYNTAX = "[a-z0-9][a-z0-9-]{0,99}";

    private static final Pattern PATTERN = Pattern.compile(SYNTAX);

    private RecordId() {}

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must match " + SYNTAX + ", was: " + value);
        }
        return value;
    }

    /** The stream key of a record: its kind and its slug. */
    static String streamKey(String kind, String value) {
        return kind + ":" + value;
    }

    /** The slug of a stream key, e.g. {@code armenia} for {@code actor:armenia}. */
    public static String slugOf(String streamKey) {
        int colon = streamKey.indexOf(':');
        return colon < 0 ? streamKey : streamKey.substring(colon + 1);
    }

    /** The kind of a stream key, e.g. {@code actor} for {@code actor:armenia}. */
    public static String kindOf(String streamKey) {
        int colon = streamKey.indexOf(':');
        return colon < 0 ? "" : streamKey.substring(0, colon);
    }
}
