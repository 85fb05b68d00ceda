/**
 * Secrets by reference: a {@link dev.sextant.core.secret.SecretRef} names where a secret lives and
 * a {@link dev.sextant.core.secret.Secret} holds one once resolved at the edge, never shown.
 */
package dev.sextant.core.secret;
