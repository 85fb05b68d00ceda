package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {
  private static final int MAX_SIZE = 64;
  private static final List<byte[]> LEAVES = leaves(MAX_SIZE);

  @Test
  void an_inclusion_proof_verifies_for_every_leaf_of_every_tree_up_to_64() {
    for (int size = 1; size <= MAX_SIZE; size++) {
      List<byte[]> tree = LEAVES.subList(0, size);
      byte[] root = MerkleHashTest.mth(tree);
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = MerkleProofs.inclusion(index, tree);

        assertThat(ProofVerifier.inclusion(index, size, LEAVES.get(index), proof, root))
            .as("leaf %d of %d", index, size)
            .isEqualTo(ProofVerdict.VALID);
      }
    }
  }

  @Test
  void a_consistency_proof_verifies_for_every_pair_of_sizes_up_to_64() {
    for (int size2 = 0; size2 <= MAX_SIZE; size2++) {
      byte[] root2 = MerkleHashTest.mth(LEAVES.subList(0, size2));
      for (int size1 = 0; size1 <= size2; size1++) {
        byte[] root1 = MerkleHashTest.mth(LEAVES.subList(0, size1));
        List<byte[]> proof = MerkleProofs.consistency(size1, LEAVES.subList(0, size2));

        assertThat(ProofVerifier.consistency(size1, size2, root1, root2, proof))
            .as("%d to %d", size1, size2)
            .isEqualTo(ProofVerdict.VALID);
      }
    }
  }

  @Test
  void one_changed_bit_in_a_leaf_a_proof_or_a_root_fails_inclusion() {
    for (int size = 1; size <= 16; size++) {
      List<byte[]> tree = LEAVES.subList(0, size);
      byte[] root = MerkleHashTest.mth(tree);
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = MerkleProofs.inclusion(index, tree);
        byte[] leaf = LEAVES.get(index);
        for (int bit = 0; bit < MerkleHash.SIZE * 8; bit++) {
          int flip = bit;
          assertThat(ProofVerifier.inclusion(index, size, flipped(leaf, flip), proof, root))
              .isEqualTo(new ProofVerdict.RootMismatch("root"));
          assertThat(ProofVerifier.inclusion(index, size, leaf, proof, flipped(root, flip)))
              .isEqualTo(new ProofVerdict.RootMismatch("root"));
          for (int step = 0; step < proof.size(); step++) {
            assertThat(ProofVerifier.inclusion(index, size, leaf, flipped(proof, step, flip), root))
                .as("leaf %d of %d, proof[%d] bit %d", index, size, step, flip)
                .isEqualTo(new ProofVerdict.RootMismatch("root"));
          }
        }
      }
    }
  }

  @Test
  void one_changed_bit_in_a_proof_or_either_root_fails_consistency() {
    for (int size2 = 1; size2 <= 16; size2++) {
      byte[] root2 = MerkleHashTest.mth(LEAVES.subList(0, size2));
      for (int size1 = 1; size1 <= size2; size1++) {
        byte[] root1 = MerkleHashTest.mth(LEAVES.subList(0, size1));
        List<byte[]> proof = MerkleProofs.consistency(size1, LEAVES.subList(0, size2));
        for (int bit = 0; bit < MerkleHash.SIZE * 8; bit++) {
          assertThat(ProofVerifier.consistency(size1, size2, flipped(root1, bit), root2, proof))
              .as("%d to %d, root1 bit %d", size1, size2, bit)
              .matches(verdict -> !verdict.valid());
          assertThat(ProofVerifier.consistency(size1, size2, root1, flipped(root2, bit), proof))
              .as("%d to %d, root2 bit %d", size1, size2, bit)
              .matches(verdict -> !verdict.valid());
          for (int step = 0; step < proof.size(); step++) {
            assertThat(
                    ProofVerifier.consistency(
                        size1, size2, root1, root2, flipped(proof, step, bit)))
                .as("%d to %d, proof[%d] bit %d", size1, size2, step, bit)
                .matches(verdict -> !verdict.valid());
          }
        }
      }
    }
  }

  @Test
  void a_proof_for_another_leaf_or_size_is_refused() {
    List<byte[]> tree = LEAVES.subList(0, 13);
    byte[] root = MerkleHashTest.mth(tree);
    List<byte[]> proofOf5 = MerkleProofs.inclusion(5, tree);

    assertThat(ProofVerifier.inclusion(4, 13, LEAVES.get(4), proofOf5, root).valid()).isFalse();
    assertThat(ProofVerifier.inclusion(5, 13, LEAVES.get(4), proofOf5, root))
        .isEqualTo(new ProofVerdict.RootMismatch("root"));
    assertThat(ProofVerifier.inclusion(5, 6, LEAVES.get(5), proofOf5, root))
        .isEqualTo(new ProofVerdict.WrongProofLength(2, 4));
  }

  @Test
  void bad_inputs_get_a_reason_of_their_own() {
    byte[] hash = LEAVES.get(0);

    assertThat(ProofVerifier.inclusion(3, 3, hash, List.of(), hash))
        .isEqualTo(new ProofVerdict.IndexOutOfRange(3, 3));
    assertThat(ProofVerifier.inclusion(-1, 3, hash, List.of(), hash))
        .isEqualTo(new ProofVerdict.IndexOutOfRange(-1, 3));
    assertThat(ProofVerifier.inclusion(0, 0, hash, List.of(), hash))
        .isEqualTo(new ProofVerdict.IndexOutOfRange(0, 0));
    assertThat(ProofVerifier.inclusion(0, 2, hash, List.of(), hash))
        .isEqualTo(new ProofVerdict.WrongProofLength(1, 0));
    assertThat(ProofVerifier.inclusion(0, 2, hash, List.of(new byte[31]), hash))
        .isEqualTo(new ProofVerdict.MalformedHash("proof[0]", 31));
    assertThat(ProofVerifier.inclusion(0, 1, new byte[0], List.of(), hash))
        .isEqualTo(new ProofVerdict.MalformedHash("leaf hash", 0));
    assertThat(ProofVerifier.consistency(5, 4, hash, hash, List.of()))
        .isEqualTo(new ProofVerdict.SizesOutOfOrder(5, 4));
    assertThat(ProofVerifier.consistency(3, 3, hash, LEAVES.get(1), List.of()))
        .isEqualTo(new ProofVerdict.RootMismatch("root2"));
    assertThat(ProofVerifier.consistency(0, 3, hash, hash, List.of()))
        .isEqualTo(new ProofVerdict.RootMismatch("root1"));
    assertThat(ProofVerifier.consistency(3, 5, hash, new byte[33], List.of()))
        .isEqualTo(new ProofVerdict.MalformedHash("root2", 33));
    assertThat(new ProofVerdict.WrongProofLength(3, 4).reason())
        .isEqualTo("the proof has 4 hashes, expected 3");
  }

  @Test
  void sizes_near_the_top_of_a_long_are_judged_without_overflow() {
    byte[] hash = LEAVES.get(0);
    long huge = Long.MAX_VALUE;

    assertThat(ProofVerifier.inclusion(huge - 1, huge, hash, List.of(), hash))
        .isEqualTo(new ProofVerdict.WrongProofLength(62, 0));
    assertThat(ProofVerifier.consistency(huge - 1, huge, hash, hash, List.of()))
        .isInstanceOf(ProofVerdict.WrongProofLength.class);
  }

  @Test
  void a_tree_of_100003_leaves_proves_its_last_leaf_and_its_growth() {
    int size = 100_003;
    MerkleTree tree = new MerkleTree();
    MerkleTree previous = new MerkleTree();
    for (long i = 0; i < size; i++) {
      tree.append(leaf(i));
      if (i < size - 1) {
        previous.append(leaf(i));
      }
    }

    List<byte[]> inclusion = MerkleProofs.inclusion(size - 1, size, MerkleProofsTest::leaf);
    List<byte[]> consistency = MerkleProofs.consistency(size - 1, size, MerkleProofsTest::leaf);

    assertThat(ProofVerifier.inclusion(size - 1, size, leaf(size - 1), inclusion, tree.root()))
        .isEqualTo(ProofVerdict.VALID);
    assertThat(ProofVerifier.consistency(size - 1, size, previous.root(), tree.root(), consistency))
        .isEqualTo(ProofVerdict.VALID);
  }

  @Test
  void proofs_are_refused_for_leaves_and_sizes_the_tree_does_not_have() {
    assertThatThrownBy(() -> MerkleProofs.inclusion(4, LEAVES.subList(0, 4)))
        .isInstanceOf(LedgerException.class)
        .hasMessage("no inclusion proof for leaf 4: a tree of size 4 has leaves 0 to 3");
    assertThatThrownBy(() -> MerkleProofs.consistency(5, LEAVES.subList(0, 4)))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("expected 0 <= size1 <= size2");
    assertThatThrownBy(() -> new MerkleTree().append(new byte[20]))
        .isInstanceOf(LedgerException.class)
        .hasMessage("a leaf hash has 32 bytes, not 20");
  }

  private static byte[] leaf(long index) {
    return MerkleHash.leaf(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
  }

  private static List<byte[]> leaves(int count) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(leaf(i));
    }
    return leaves;
  }

  private static byte[] flipped(byte[] hash, int bit) {
    byte[] copy = hash.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  private static List<byte[]> flipped(List<byte[]> proof, int step, int bit) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.set(step, flipped(proof.get(step), bit));
    return copy;
  }
}
