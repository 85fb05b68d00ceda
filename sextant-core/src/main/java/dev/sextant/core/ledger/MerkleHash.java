package dev.sextant.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The hashes of RFC 6962 §2.1 (RFC 9162 §2.1.1): a leaf is SHA-256(0x00 ‖ entry), an inner node
 * SHA-256(0x01 ‖ left ‖ right). The two prefixes keep a leaf from ever passing for a node (second
 * preimage attacks), and the empty tree's root is SHA-256 of nothing.
 */
public final class MerkleHash {
  /** Bytes in every hash of the tree. */
  public static final int SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  // A digest per thread: getInstance looks up providers on every call, which a million-leaf tree
  // would pay two million times.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK provides SHA-256", e);
            }
          });

  private MerkleHash() {}

  public static byte[] leaf(byte[] entry) {
    MessageDigest sha = SHA256.get();
    sha.update(LEAF_PREFIX);
    return sha.digest(entry);
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = SHA256.get();
    sha.update(NODE_PREFIX);
    sha.update(left);
    return sha.digest(right);
  }

  public static byte[] emptyRoot() {
    return SHA256.get().digest();
  }

  /** The root of a tree over these leaf hashes, in order (RFC 9162 §2.1.1's MTH). */
  public static byte[] root(List<byte[]> leafHashes) {
    MerkleTree tree = new MerkleTree();
    leafHashes.forEach(tree::append);
    return tree.root();
  }

  /** RFC 9162's k for n ≥ 2: the largest power of two smaller than n, where a tree splits. */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
