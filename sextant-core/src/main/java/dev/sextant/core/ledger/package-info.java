/**
 * The ledger's pure data structures: RFC 6962/9162 Merkle hashing and proofs, RFC 8785 canonical
 * entries, Ed25519-signed tree heads and evidence bundles with their offline verifier, so an
 * auditor can recompute everything with other tools.
 */
package dev.sextant.core.ledger;
