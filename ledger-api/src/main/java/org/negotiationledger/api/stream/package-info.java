/**
 * Server-Sent Events streams of the views for dashboards: the current state first, then each change, resumable
 * by {@code Last-Event-ID} on any node that shares the database.
 */
package org.negotiationledger.api.stream;
