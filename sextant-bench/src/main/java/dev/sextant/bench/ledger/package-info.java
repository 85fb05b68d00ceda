/** Benchmarks of the ledger on the embedded store: appends, tree heads, verification, proofs. */
package dev.sextant.bench.ledger;
