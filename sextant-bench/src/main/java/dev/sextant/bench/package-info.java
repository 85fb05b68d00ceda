/**
 * JMH benchmarks of the planner, on generated releases and fingerprints of realistic size, and of
 * the ledger's Merkle tree.
 */
package dev.sextant.bench;
