/** The query side of the HTTP API: the views of http-api.md, their rebuild, and the projection's health. */
package org.negotiationledger.api.view;
