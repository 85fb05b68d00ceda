package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedProofsTest {
  private static final List<byte[]> LEAVES = leaves(70);

  @Test
  void every_inclusion_proof_is_the_one_merkle_proofs_gives_for_every_tree_size() {
    CachedProofs cached = new CachedProofs(LEAVES);
    for (int size = 1; size <= LEAVES.size(); size++) {
      List<byte[]> tree = LEAVES.subList(0, size);
      assertThat(cached.root(size)).isEqualTo(MerkleHash.root(tree));
      for (int index = 0; index < size; index++) {
        assertThat(cached.inclusion(index, size))
            .as("leaf %d of %d", index, size)
            .containsExactlyElementsOf(MerkleProofs.inclusion(index, tree));
      }
    }
  }

  @Test
  void every_consistency_proof_is_the_one_merkle_proofs_gives() {
    CachedProofs cached = new CachedProofs(LEAVES);
    for (int size2 = 0; size2 <= LEAVES.size(); size2++) {
      List<byte[]> tree = LEAVES.subList(0, size2);
      for (int size1 = 0; size1 <= size2; size1++) {
        assertThat(cached.consistency(size1, size2))
            .as("%d to %d", size1, size2)
            .containsExactlyElementsOf(MerkleProofs.consistency(size1, tree));
      }
    }
  }

  @Test
  void a_leaf_or_size_outside_the_leaves_is_refused_saying_the_range() {
    CachedProofs cached = new CachedProofs(LEAVES);

    assertThatThrownBy(() -> cached.inclusion(5, 5))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("leaves 0 to 4");
    assertThatThrownBy(() -> cached.inclusion(0, 71))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("there are 70 leaves");
    assertThatThrownBy(() -> cached.consistency(9, 8))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("0 <= size1 <= size2");
  }

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }
}
