/** The demo history: the 2020 Nagorno-Karabakh ceasefires, recorded on first start through the HTTP API itself. */
package org.negotiationledger.api.seed;
