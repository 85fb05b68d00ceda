/**
 * Access control (DESIGN §7): API tokens, identities, the roles granted to them, and who is asking.
 */
package dev.sextant.server.access;
