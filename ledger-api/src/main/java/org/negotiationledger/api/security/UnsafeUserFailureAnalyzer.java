package org.negotiationledger.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an unsafe user configuration as a short description and the action to take, not a stack trace. */
class UnsafeUserFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeUserException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeUserException cause) {
        return new FailureAnalysis(
                "The ledger refuses to start: "
                        + cause.getMessage().replace(cause.action(), "").strip(),
                cause.action(),
                cause);
    }
}
