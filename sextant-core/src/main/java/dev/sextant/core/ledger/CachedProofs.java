package dev.sextant.core.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many proofs over one list of leaf hashes, as an evidence bundle needs one per entry. The roots of
 * the larger subtrees are kept once computed, so k proofs over n leaves hash about n leaves rather
 * than k·n as k calls of {@link MerkleProofs} would; the proofs are the same, since they have the
 * same shapes. Small subtrees are hashed again rather than kept, which bounds what is kept to a
 * small fraction of the leaves.
 */
public final class CachedProofs {
  private static final long SMALLEST_KEPT = 16;

  private final List<byte[]> leafHashes;
  private final Map<MerkleProofs.Range, byte[]> roots = new HashMap<>();

  public CachedProofs(List<byte[]> leafHashes) {
    this.leafHashes = List.copyOf(leafHashes);
  }

  public long size() {
    return leafHashes.size();
  }

  /** The hash of leaf {@code index}, as given. */
  public byte[] leafHash(long index) {
    if (index < 0 || index >= leafHashes.size()) {
      throw new LedgerException(
          "no leaf " + index + ": there are leaves 0 to " + (leafHashes.size() - 1));
    }
    return leafHashes.get((int) index).clone();
  }

  /** The root of the tree of the first {@code treeSize} leaves. */
  public byte[] root(long treeSize) {
    requireSize(treeSize);
    return treeSize == 0 ? MerkleHash.emptyRoot() : root(new MerkleProofs.Range(0, treeSize));
  }

  /** As {@link MerkleProofs#inclusion(long, long, java.util.function.LongFunction)}. */
  public List<byte[]> inclusion(long index, long treeSize) {
    requireSize(treeSize);
    if (index < 0 || index >= treeSize) {
      throw new LedgerException(
          "no inclusion proof for leaf "
              + index
              + ": a tree of size "
              + treeSize
              + " has leaves 0 to "
              + (treeSize - 1));
    }
    return hashes(MerkleProofs.inclusionShape(index, treeSize));
  }

  /** As {@link MerkleProofs#consistency(long, long, java.util.function.LongFunction)}. */
  public List<byte[]> consistency(long size1, long size2) {
    requireSize(size2);
    if (size1 < 0 || size1 > size2) {
      throw new LedgerException(
          "no consistency proof from size "
              + size1
              + " to size "
              + size2
              + ": expected 0 <= size1 <= size2");
    }
    return hashes(MerkleProofs.consistencyShape(size1, size2));
  }

  private void requireSize(long treeSize) {
    if (treeSize < 0 || treeSize > leafHashes.size()) {
      throw new LedgerException(
          "no tree of size " + treeSize + ": there are " + leafHashes.size() + " leaves");
    }
  }

  private List<byte[]> hashes(List<MerkleProofs.Range> shape) {
    List<byte[]> proof = new ArrayList<>(shape.size());
    shape.forEach(range -> proof.add(root(range).clone()));
    return proof;
  }

  /** RFC 9162's MTH over the leaves {@code from} (inclusive) to {@code to} (exclusive). */
  private byte[] root(MerkleProofs.Range range) {
    long size = range.to() - range.from();
    if (size == 1) {
      return leafHashes.get((int) range.from());
    }
    byte[] kept = roots.get(range);
    if (kept != null) {
      return kept;
    }
    long k = MerkleHash.split(size);
    byte[] root =
        MerkleHash.node(
            root(new MerkleProofs.Range(range.from(), range.from() + k)),
            root(new MerkleProofs.Range(range.from() + k, range.to())));
    if (size >= SMALLEST_KEPT) {
      roots.put(range, root);
    }
    return root;
  }
}
