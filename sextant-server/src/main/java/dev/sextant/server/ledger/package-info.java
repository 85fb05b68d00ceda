/**
 * The server's tamper-evident ledger: its signing key, signed tree heads and their verification,
 * inclusion and consistency proofs, and evidence bundles.
 */
package dev.sextant.server.ledger;
