package dev.sextant.core.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks inclusion proofs (RFC 9162 §2.1.3.2) and consistency proofs (§2.1.4.2). Proofs and roots
 * come from outside (an API answer, an evidence bundle), so every hash is length-checked and a
 * proof of the wrong length is refused before any hashing: the verdict says which check failed.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /** Whether {@code proof} shows leaf {@code index}, hashing to {@code leafHash}, under root. */
  public static ProofVerdict inclusion(
      long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize) {
      return new ProofVerdict.IndexOutOfRange(index, treeSize);
    }
    Optional<ProofVerdict> malformed =
        malformed(root, "root").or(() -> malformed(leafHash, "leaf hash"));
    if (malformed.isPresent()) {
      return malformed.get();
    }
    int expected = MerkleProofs.inclusionShape(index, treeSize).size();
    Optional<ProofVerdict> badProof = badProof(proof, expected);
    if (badProof.isPresent()) {
      return badProof.get();
    }
    // fn walks up from the leaf, sn from the last leaf; where they meet, the tree is ragged.
    long fn = index;
    long sn = treeSize - 1;
    byte[] computed = leafHash;
    for (byte[] sibling : proof) {
      if ((fn & 1) == 1 || fn == sn) {
        computed = MerkleHash.node(sibling, computed);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        computed = MerkleHash.node(computed, sibling);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return MessageDigest.isEqual(computed, root)
        ? ProofVerdict.VALID
        : new ProofVerdict.RootMismatch("root");
  }

  /** Whether {@code proof} shows the tree of size1 (root1) to be a prefix of size2's (root2). */
  public static ProofVerdict consistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 < 0 || size1 > size2) {
      return new ProofVerdict.SizesOutOfOrder(size1, size2);
    }
    Optional<ProofVerdict> malformed =
        malformed(root1, "root1").or(() -> malformed(root2, "root2"));
    if (malformed.isPresent()) {
      return malformed.get();
    }
    int expected = MerkleProofs.consistencyShape(size1, size2).size();
    Optional<ProofVerdict> badProof = badProof(proof, expected);
    if (badProof.isPresent()) {
      return badProof.get();
    }
    if (size1 == 0) {
      return MessageDigest.isEqual(root1, MerkleHash.emptyRoot())
          ? ProofVerdict.VALID
          : new ProofVerdict.RootMismatch("root1");
    }
    if (size1 == size2) {
      return MessageDigest.isEqual(root1, root2)
          ? ProofVerdict.VALID
          : new ProofVerdict.RootMismatch("root2");
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(size1) == 1) {
      // The old tree is a whole subtree of the new one: its root is the proof's first step.
      path.add(0, root1);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] oldRoot = path.get(0);
    byte[] newRoot = path.get(0);
    for (byte[] step : path.subList(1, path.size())) {
      if ((fn & 1) == 1 || fn == sn) {
        oldRoot = MerkleHash.node(step, oldRoot);
        newRoot = MerkleHash.node(step, newRoot);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        newRoot = MerkleHash.node(newRoot, step);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (!MessageDigest.isEqual(oldRoot, root1)) {
      return new ProofVerdict.RootMismatch("root1");
    }
    return MessageDigest.isEqual(newRoot, root2)
        ? ProofVerdict.VALID
        : new ProofVerdict.RootMismatch("root2");
  }

  private static Optional<ProofVerdict> badProof(List<byte[]> proof, int expected) {
    if (proof.size() != expected) {
      return Optional.of(new ProofVerdict.WrongProofLength(expected, proof.size()));
    }
    for (int i = 0; i < proof.size(); i++) {
      Optional<ProofVerdict> malformed = malformed(proof.get(i), "proof[" + i + "]");
      if (malformed.isPresent()) {
        return malformed;
      }
    }
    return Optional.empty();
  }

  private static Optional<ProofVerdict> malformed(byte[] hash, String where) {
    return hash.length == MerkleHash.SIZE
        ? Optional.empty()
        : Optional.of(new ProofVerdict.MalformedHash(where, hash.length));
  }
}
