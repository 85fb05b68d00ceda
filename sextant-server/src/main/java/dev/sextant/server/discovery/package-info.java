/** Discovery on the server: agents, signed fingerprint reports, revisions, and drift. */
package dev.sextant.server.discovery;
