/**
 * The ledger's pure data structures: RFC 6962/9162 Merkle hashing and proofs, RFC 8785 canonical
 * entries and Ed25519-signed tree heads, so an auditor can recompute everything with other tools.
 */
package dev.sextant.core.ledger;
