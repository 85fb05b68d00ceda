package dev.sextant.server.store;

import dev.sextant.core.ledger.LedgerEntry;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger entry of one row of {@code events} as the row is now, or why the row is no longer an
 * event this server can read (a row changed behind the store's back may not be).
 */
public record RecomputedEntry(
    long sequence, Optional<LedgerEntry> entry, Optional<String> unreadable) {
  public RecomputedEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(unreadable, "unreadable");
    if (entry.isPresent() == unreadable.isPresent()) {
      throw new IllegalArgumentException("a recomputed entry is either an entry or unreadable");
    }
  }
}
