/**
 * Signed provenance (DESIGN §7, Trust): DSSE envelopes verified against trusted Ed25519 and ECDSA
 * P-256 keys, and the in-toto Statement with its SLSA Provenance v1 predicate that they carry, so a
 * policy sees whether a release's provenance is authentic and about its artifact.
 */
package dev.sextant.core.provenance;
