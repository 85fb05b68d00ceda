package dev.sextant.server.store;

import dev.sextant.core.ledger.LedgerEntry;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger entry of one row of {@code events} as the row is now, with its leaf hash, or why the
 * row is no longer an event this server can read (a row changed behind the store's back may not
 * be). The leaf hash is computed with the entry, on the thread that made it, so that verification
 * hashes a million rows on every core rather than on the one that compares them with their leaves.
 */
public final class RecomputedEntry {
  private final long sequence;
  private final Optional<LedgerEntry> entry;
  private final Optional<String> unreadable;
  private final byte[] leafHash;

  public RecomputedEntry(long sequence, Optional<LedgerEntry> entry, Optional<String> unreadable) {
    this.sequence = sequence;
    this.entry = Objects.requireNonNull(entry, "entry");
    this.unreadable = Objects.requireNonNull(unreadable, "unreadable");
    if (entry.isPresent() == unreadable.isPresent()) {
      throw new IllegalArgumentException("a recomputed entry is either an entry or unreadable");
    }
    this.leafHash = entry.map(LedgerEntry::leafHash).orElse(new byte[0]);
  }

  public long sequence() {
    return sequence;
  }

  public Optional<LedgerEntry> entry() {
    return entry;
  }

  public Optional<String> unreadable() {
    return unreadable;
  }

  /** The entry's leaf hash; empty when the row is unreadable. */
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /** Whether the entry hashes to {@code leaf}; never when the row is unreadable. */
  public boolean hashesTo(byte[] leaf) {
    return entry.isPresent() && Arrays.equals(leafHash, leaf);
  }

  @Override
  public String toString() {
    return "RecomputedEntry[sequence="
        + sequence
        + ", entry="
        + entry
        + ", unreadable="
        + unreadable
        + "]";
  }
}
