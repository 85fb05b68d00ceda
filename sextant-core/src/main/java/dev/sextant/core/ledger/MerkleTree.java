package dev.sextant.core.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree that keeps only the roots of its perfect subtrees (a compact range):
 * one per set bit of the size, so appending a million leaves holds twenty hashes, not a million.
 * Its root is RFC 9162's MTH over every leaf appended so far.
 */
public final class MerkleTree {
  // Roots of perfect subtrees, left to right, sizes strictly decreasing (the bits of size).
  private final List<byte[]> peaks = new ArrayList<>();
  private long size;

  public void append(byte[] leafHash) {
    if (leafHash.length != MerkleHash.SIZE) {
      throw new LedgerException(
          "a leaf hash has " + MerkleHash.SIZE + " bytes, not " + leafHash.length);
    }
    peaks.add(leafHash.clone());
    size++;
    // Each trailing zero of the new size is a pair of equal subtrees that now form a larger one.
    for (long carry = size; (carry & 1) == 0; carry >>>= 1) {
      byte[] right = peaks.remove(peaks.size() - 1);
      byte[] left = peaks.remove(peaks.size() - 1);
      peaks.add(MerkleHash.node(left, right));
    }
  }

  public long size() {
    return size;
  }

  /** The root at the current size: the peaks folded from the right, as MTH splits them. */
  public byte[] root() {
    if (peaks.isEmpty()) {
      return MerkleHash.emptyRoot();
    }
    byte[] root = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      root = MerkleHash.node(peaks.get(i), root);
    }
    return root.clone();
  }
}
