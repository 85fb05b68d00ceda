/**
 * The server's stores on H2 or PostgreSQL: versioned resources and fingerprints (immutable
 * revisions with content digests), registered agents, the append-only event log and drift reports.
 * Documents are kept as canonical JSON with their digests; the service layer converts them to and
 * from the domain model.
 */
package dev.sextant.server.store;
