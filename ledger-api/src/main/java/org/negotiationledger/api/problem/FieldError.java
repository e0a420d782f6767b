package org.negotiationledger.api.problem;

/** One invalid input, in a problem's {@code errors} list. */
public record FieldError(String field, String message) {}
