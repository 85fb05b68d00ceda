package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stored leaf beside the type, subject, actor and input digests of the event under its sequence
 * number, as its ledger entry has them; those are empty where no event is, as after a deletion that
 * verification will name.
 */
public record LedgerLogLine(
    long sequence,
    String leafHash,
    Optional<String> type,
    Optional<String> subject,
    Optional<String> actor,
    SortedMap<String, Digest> inputs) {
  public LedgerLogLine {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(actor, "actor");
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
  }
}
