package dev.sextant.core.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Inclusion proofs (RFC 9162 §2.1.3.1) and consistency proofs (§2.1.4.1) over a log's leaf hashes.
 * The leaves come as a function of their index, so a store can hand them out without building a
 * list. A proof is the roots of a few subtrees; which subtrees depends only on the sizes and the
 * index (its {@link Range shape}), which is also how {@link ProofVerifier} knows a proof's length
 * before it hashes anything. Each subtree's root is recomputed from its leaves, so one proof hashes
 * up to every leaf of the tree (about 0.2 s for a million): a store that answers many proofs should
 * keep the roots of its complete subtrees rather than call this per request.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /** The audit path of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
  public static List<byte[]> inclusion(long index, long treeSize, LongFunction<byte[]> leafHashes) {
    if (index < 0 || index >= treeSize) {
      throw new LedgerException(
          "no inclusion proof for leaf "
              + index
              + ": a tree of size "
              + treeSize
              + " has leaves 0 to "
              + (treeSize - 1));
    }
    return hashes(inclusionShape(index, treeSize), leafHashes);
  }

  public static List<byte[]> inclusion(long index, List<byte[]> leafHashes) {
    return inclusion(index, leafHashes.size(), i -> leafHashes.get((int) i));
  }

  /**
   * The proof that the tree of the first {@code size1} leaves is a prefix of the tree of the first
   * {@code size2}: empty when the sizes are equal or the first tree is empty.
   */
  public static List<byte[]> consistency(long size1, long size2, LongFunction<byte[]> leafHashes) {
    if (size1 < 0 || size1 > size2) {
      throw new LedgerException(
          "no consistency proof from size "
              + size1
              + " to size "
              + size2
              + ": expected 0 <= size1 <= size2");
    }
    return hashes(consistencyShape(size1, size2), leafHashes);
  }

  public static List<byte[]> consistency(long size1, List<byte[]> leafHashes) {
    return consistency(size1, leafHashes.size(), i -> leafHashes.get((int) i));
  }

  /** Leaves {@code from} (inclusive) to {@code to} (exclusive): one subtree whose root is sent. */
  record Range(long from, long to) {}

  /** RFC 9162's PATH(m, D[n]), walked from the root down, listed from the leaf up. */
  static List<Range> inclusionShape(long index, long treeSize) {
    List<Range> shape = new ArrayList<>();
    long from = 0;
    long to = treeSize;
    long m = index;
    while (to - from > 1) {
      long k = MerkleHash.split(to - from);
      if (m < k) {
        shape.add(new Range(from + k, to));
        to = from + k;
      } else {
        shape.add(new Range(from, from + k));
        from += k;
        m -= k;
      }
    }
    Collections.reverse(shape);
    return shape;
  }

  /** RFC 9162's SUBPROOF(m, D[n], true), walked from the root down, listed from the leaf up. */
  static List<Range> consistencyShape(long size1, long size2) {
    List<Range> shape = new ArrayList<>();
    if (size1 == 0) {
      return shape;
    }
    long from = 0;
    long to = size2;
    long m = size1;
    // True while the old tree is a whole subtree the verifier already knows by its root.
    boolean oldRootKnown = true;
    while (m != to - from) {
      long k = MerkleHash.split(to - from);
      if (m <= k) {
        shape.add(new Range(from + k, to));
        to = from + k;
      } else {
        shape.add(new Range(from, from + k));
        from += k;
        m -= k;
        oldRootKnown = false;
      }
    }
    if (!oldRootKnown) {
      shape.add(new Range(from, to));
    }
    Collections.reverse(shape);
    return shape;
  }

  private static List<byte[]> hashes(List<Range> shape, LongFunction<byte[]> leafHashes) {
    List<byte[]> proof = new ArrayList<>(shape.size());
    for (Range range : shape) {
      MerkleTree subtree = new MerkleTree();
      for (long i = range.from(); i < range.to(); i++) {
        subtree.append(leafHashes.apply(i));
      }
      proof.add(subtree.root());
    }
    return proof;
  }
}
