/**
 * The agent's identity: its Ed25519 key pair, kept in the data directory, readable by its owner
 * only.
 */
package dev.sextant.agent.identity;
