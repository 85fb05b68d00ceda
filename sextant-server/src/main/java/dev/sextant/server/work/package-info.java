/** The background work of a server, delivered by db-scheduler on the store's own database. */
package dev.sextant.server.work;
