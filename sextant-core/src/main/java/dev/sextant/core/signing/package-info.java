/**
 * Ed25519 signatures over resources and files in their RFC 8785 canonical JSON, and their checks.
 */
package dev.sextant.core.signing;
