/** The Sextant server: the versioned store and the HTTP API. */
package dev.sextant.server;
