/** The store: one database, units of work over its repositories, and the outbox of typed events. */
package dev.sextant.server.store;
