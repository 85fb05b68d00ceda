package dev.sextant.core.ledger;

/**
 * What checking a proof found: {@link Valid}, or the first reason it does not hold. A reason is a
 * type, not a boolean, so an auditor's report can say which entry and why (a truncated proof is a
 * different problem from a root that does not match).
 */
public sealed interface ProofVerdict {
  Valid VALID = new Valid();

  default boolean valid() {
    return this instanceof Valid;
  }

  /** One sentence for a person: what failed and what was expected. */
  String reason();

  record Valid() implements ProofVerdict {
    @Override
    public String reason() {
      return "the proof holds";
    }
  }

  /** The leaf is not in a tree of that size (an empty tree has none). */
  record IndexOutOfRange(long index, long treeSize) implements ProofVerdict {
    @Override
    public String reason() {
      return "leaf index " + index + " is outside a tree of size " + treeSize;
    }
  }

  /** A consistency proof asked for from a larger tree to a smaller one. */
  record SizesOutOfOrder(long size1, long size2) implements ProofVerdict {
    @Override
    public String reason() {
      return "tree size "
          + size1
          + " cannot grow into tree size "
          + size2
          + ": expected size1 <= size2";
    }
  }

  /** The proof has more or fewer hashes than the sizes (and index) call for. */
  record WrongProofLength(int expected, int actual) implements ProofVerdict {
    @Override
    public String reason() {
      return "the proof has " + actual + " hashes, expected " + expected;
    }
  }

  /** A hash that is not 32 bytes long; {@code where} names it (root, leaf hash, proof[2]). */
  record MalformedHash(String where, int length) implements ProofVerdict {
    @Override
    public String reason() {
      return where + " has " + length + " bytes, expected " + MerkleHash.SIZE;
    }
  }

  /**
   * The proof leads to another root than the one given: the entry, the proof or the tree head was
   * changed. {@code which} is {@code root}, {@code root1} or {@code root2}.
   */
  record RootMismatch(String which) implements ProofVerdict {
    @Override
    public String reason() {
      return "the proof does not lead to the given " + which;
    }
  }
}
