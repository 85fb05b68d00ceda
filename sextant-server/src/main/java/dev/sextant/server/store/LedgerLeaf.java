package dev.sextant.server.store;

import java.util.Objects;
import java.util.Optional;

/** A leaf as {@code ledger_leaves} keeps it: the event's sequence number and the hex leaf hash. */
public record LedgerLeaf(long sequence, String leafHash) {
  public LedgerLeaf {
    Objects.requireNonNull(leafHash, "leafHash");
  }

  /** Whether the stored text is a hash at all; SQL can put anything in the column. */
  public boolean wellFormed() {
    return hash().isPresent();
  }

  /**
   * The hash the stored text spells, 32 bytes in lower-case hex; empty when the text is no such
   * hash. Checked and decoded in one pass, by hand: verification asks it of every one of a million
   * leaves.
   */
  public Optional<byte[]> hash() {
    if (leafHash.length() != 64) {
      return Optional.empty();
    }
    byte[] hash = new byte[32];
    for (int i = 0; i < hash.length; i++) {
      int high = digit(leafHash.charAt(2 * i));
      int low = digit(leafHash.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        return Optional.empty();
      }
      hash[i] = (byte) (high << 4 | low);
    }
    return Optional.of(hash);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
