/**
 * Resolving secret references at the moment of use, from the environment, a file or Vault; errors
 * name the reference and why, never the value.
 */
package dev.sextant.server.secret;
