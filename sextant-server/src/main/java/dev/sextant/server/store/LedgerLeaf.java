package dev.sextant.server.store;

import java.util.Objects;
import java.util.regex.Pattern;

/** A leaf as {@code ledger_leaves} keeps it: the event's sequence number and the hex leaf hash. */
public record LedgerLeaf(long sequence, String leafHash) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public LedgerLeaf {
    Objects.requireNonNull(leafHash, "leafHash");
  }

  /** Whether the stored text is a hash at all; SQL can put anything in the column. */
  public boolean wellFormed() {
    return HEX.matcher(leafHash).matches();
  }
}
