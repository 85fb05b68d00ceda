package dev.sextant.server.store;

import java.util.Objects;

/** A leaf as {@code ledger_leaves} keeps it: the event's sequence number and the hex leaf hash. */
public record LedgerLeaf(long sequence, String leafHash) {
  public LedgerLeaf {
    Objects.requireNonNull(leafHash, "leafHash");
  }

  /** Whether the stored text is a hash at all; SQL can put anything in the column. */
  public boolean wellFormed() {
    // By hand rather than with a pattern: verification asks this of every one of a million leaves.
    if (leafHash.length() != 64) {
      return false;
    }
    for (int i = 0; i < leafHash.length(); i++) {
      char c = leafHash.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }
}
