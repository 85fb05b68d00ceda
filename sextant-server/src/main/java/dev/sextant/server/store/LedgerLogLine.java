package dev.sextant.server.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored leaf beside the type and subject of the event under its sequence number; those are empty
 * where no event is, as after a deletion that verification will name.
 */
public record LedgerLogLine(
    long sequence, String leafHash, Optional<String> type, Optional<String> subject) {
  public LedgerLogLine {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
  }
}
