/**
 * The API description (OpenAPI): springdoc's reading of the controllers, completed with the roles, the real
 * success answers, the problems and the streams; committed as docs/openapi.json and held to by the tests.
 */
package org.negotiationledger.api.openapi;
