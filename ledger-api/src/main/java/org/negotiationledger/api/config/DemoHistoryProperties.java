package org.negotiationledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.demo-history.*}: whether the 2020 Nagorno-Karabakh history is recorded into an empty ledger on
 * start (application.properties: on for the embedded default, {@code LEDGER_DEMO_HISTORY}; off with the
 * {@code postgres} profile). One setting read by the loader and by the security that gives it an account.
 *
 * @param enabled record the demo history into an empty ledger, once
 */
@ConfigurationProperties("ledger.demo-history")
public record DemoHistoryProperties(@DefaultValue("false") boolean enabled) {}
