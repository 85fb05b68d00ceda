package dev.sextant.server.ledger;

import dev.sextant.core.ledger.SignedTreeHead;
import java.util.List;
import java.util.Optional;

/**
 * The audit path of an event's leaf in the tree of the first {@code treeSize} leaves, with the root
 * it leads to, and the signed head of that size when there is one (without it, the root is only the
 * server's word).
 */
public record InclusionProof(
    long sequence,
    long leafIndex,
    long treeSize,
    byte[] leafHash,
    List<byte[]> auditPath,
    byte[] rootHash,
    Optional<SignedTreeHead> head) {}
