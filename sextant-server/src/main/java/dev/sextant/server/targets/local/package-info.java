/** The local target: supervised processes on this host behind a real HAProxy. */
package dev.sextant.server.targets.local;
