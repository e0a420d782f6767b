package org.negotiationledger.core.statement;

/** What a statement does; one statement may do several of these. */
public enum StatementKind {
    CONDEMNATION,
    CALL,
    SUPPORT,
    CONCERN,
    WELCOME,
    OTHER
}
