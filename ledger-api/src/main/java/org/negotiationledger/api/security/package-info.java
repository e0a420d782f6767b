/**
 * Who may do what: users and bearer tokens, the roles of http-api.md per endpoint group, the problem details
 * of 401 and 403, request size limits, security headers and CORS.
 */
package org.negotiationledger.api.security;
