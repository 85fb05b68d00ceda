package dev.sextant.server.ledger;

import dev.sextant.core.ledger.SignedTreeHead;
import java.util.List;
import java.util.Optional;

/**
 * The proof that the tree of the first {@code from} leaves is a prefix of the tree of the first
 * {@code to}, with both roots and the signed heads of those sizes where there are some.
 */
public record ConsistencyProof(
    long from,
    long to,
    byte[] fromRoot,
    byte[] toRoot,
    List<byte[]> path,
    Optional<SignedTreeHead> fromHead,
    Optional<SignedTreeHead> toHead) {}
