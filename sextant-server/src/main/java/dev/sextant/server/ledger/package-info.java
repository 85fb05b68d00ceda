/**
 * The server's tamper-evident ledger: its signing key, signed tree heads and their verification.
 */
package dev.sextant.server.ledger;
