/** What every request leaves in the logs: who made it and its correlation id, on each line written while it is served. */
package org.negotiationledger.api.logging;
