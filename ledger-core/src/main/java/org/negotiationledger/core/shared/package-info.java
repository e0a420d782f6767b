/** Value types shared by every record (ids, stated times), the rule-violation exceptions and the directory port. */
package org.negotiationledger.core.shared;
