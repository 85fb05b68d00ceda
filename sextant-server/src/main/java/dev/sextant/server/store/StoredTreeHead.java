package dev.sextant.server.store;

import dev.sextant.core.ledger.SignedTreeHead;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code ledger_tree_heads}: the signed head it holds, or why it holds none (a row changed
 * behind the store's back may not parse), which verification reports rather than fails on.
 */
public record StoredTreeHead(
    long treeSize, Optional<SignedTreeHead> head, Optional<String> malformed) {
  public StoredTreeHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(malformed, "malformed");
    if (head.isPresent() == malformed.isPresent()) {
      throw new IllegalArgumentException("a stored tree head is either a head or malformed");
    }
  }
}
