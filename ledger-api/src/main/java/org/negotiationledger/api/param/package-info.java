/**
 * What a query or path parameter may hold, bound at the boundary: ids, hours, kinds and limits as constraints,
 * times converted to instants, every value taken exactly as sent, every text clean ({@code CleanText}). A controller receives valid values or the
 * request is refused (400, naming the parameter) before it runs.
 */
package org.negotiationledger.api.param;
