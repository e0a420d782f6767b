package org.negotiationledger.api.security;

/** The account the demo history loader posts its requests under. */
public record DemoLoaderAccount(String name, String password) {}
