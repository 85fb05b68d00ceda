package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleHashTest {
  /**
   * The eight leaves of RFC 6962's reference tests (certificate-transparency and Trillian use the
   * same), whose roots for sizes 1 to 8 are published; transparency-dev's testdata trees are built
   * from them too.
   */
  static final List<byte[]> REFERENCE_LEAVES =
      Stream.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .map(HexFormat.of()::parseHex)
          .toList();

  private static final List<String> REFERENCE_ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  static List<byte[]> referenceLeafHashes() {
    return REFERENCE_LEAVES.stream().map(MerkleHash::leaf).toList();
  }

  static Stream<Arguments> sizes() {
    return IntStream.rangeClosed(1, 8).mapToObj(Arguments::of);
  }

  @ParameterizedTest(name = "size {0}")
  @MethodSource("sizes")
  void roots_of_the_reference_tree_are_rfc_6962s(int size) {
    byte[] root = MerkleHash.root(referenceLeafHashes().subList(0, size));

    assertThat(HexFormat.of().formatHex(root)).isEqualTo(REFERENCE_ROOTS.get(size - 1));
  }

  @Test
  void the_empty_tree_has_the_hash_of_nothing_as_its_root() {
    assertThat(HexFormat.of().formatHex(MerkleHash.root(List.of())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(MerkleHash.emptyRoot()).isEqualTo(new MerkleTree().root());
  }

  @Test
  void a_leaf_and_a_node_are_hashed_with_different_prefixes() throws Exception {
    byte[] left = MerkleHash.leaf(new byte[] {1});
    byte[] right = MerkleHash.leaf(new byte[] {2});
    byte[] both = concat(left, right);

    assertThat(MerkleHash.leaf(new byte[] {1}))
        .isEqualTo(sha256(concat(new byte[] {0}, new byte[] {1})));
    assertThat(MerkleHash.node(left, right)).isEqualTo(sha256(concat(new byte[] {1}, both)));
    assertThat(MerkleHash.node(left, right)).isNotEqualTo(MerkleHash.leaf(both));
  }

  @Test
  void the_compact_tree_has_the_root_of_the_recursive_definition_at_every_size() {
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    for (int size = 1; size <= 300; size++) {
      byte[] leaf = MerkleHash.leaf(new byte[] {(byte) size, (byte) (size >> 8)});
      leaves.add(leaf);
      tree.append(leaf);

      assertThat(tree.size()).isEqualTo(size);
      assertThat(tree.root()).as("size %d", size).isEqualTo(mth(leaves));
    }
  }

  /** RFC 9162 §2.1.1 written as the RFC writes it, as an independent reference. */
  static byte[] mth(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return sha256(new byte[0]);
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = 1;
    while (k * 2 < leaves.size()) {
      k *= 2;
    }
    return sha256(
        concat(
            new byte[] {1},
            concat(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())))));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
