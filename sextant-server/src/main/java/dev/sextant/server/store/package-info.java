/** The versioned resource store: immutable revisions with content digests, on H2 or PostgreSQL. */
package dev.sextant.server.store;
