package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored leaf is a hash only as 64 lower-case hex digits, and reads as the bytes they spell. */
class LedgerLeafTest {
  @Test
  void readsTheBytesItsHexSpells() {
    Random random = new Random(22);
    for (int i = 0; i < 1_000; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      LedgerLeaf leaf = new LedgerLeaf(1, HexFormat.of().formatHex(hash));
      assertThat(leaf.wellFormed()).isTrue();
      assertThat(leaf.hash()).hasValueSatisfying(read -> assertThat(read).isEqualTo(hash));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "A000000000000000000000000000000000000000000000000000000000000000",
        "000000000000000000000000000000000000000000000000000000000000000g",
        "00000000000000000000000000000000000000000000000000000000000000 0",
        "00000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000000 0",
        "00000000000000000000000000000000000000000000000000000000000000-1"
      })
  void isNoHashOtherwise(String text) {
    LedgerLeaf leaf = new LedgerLeaf(1, text);
    assertThat(leaf.wellFormed()).isFalse();
    assertThat(leaf.hash()).isEmpty();
  }
}
