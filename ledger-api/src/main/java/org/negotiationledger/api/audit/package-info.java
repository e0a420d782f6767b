/** The immutable history itself, for auditors: every event in global order, as JSON pages or an NDJSON export. */
package org.negotiationledger.api.audit;
