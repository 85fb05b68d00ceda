package dev.sextant.server.ledger;

import java.util.Objects;

/**
 * The first entry of the ledger that does not verify, and how: {@code sequence} is the event's
 * sequence number, or for a tree head that no longer matches, the first entry that head covers and
 * no earlier matching head does (the change is somewhere from there to the head's size).
 */
public record LedgerProblem(long sequence, Kind kind, String explanation) {
  /** What was done to the log, as far as the evidence tells. */
  public enum Kind {
    /** The event's row no longer hashes to its leaf. */
    EDITED,
    /** A leaf has no event, or the sequence has a gap. */
    DELETED,
    /** An event has no leaf. */
    INSERTED,
    /** The event's row hashes to another place's leaf: rows were moved. */
    REORDERED,
    /** The leaves no longer have the root a signed head gave for their size. */
    HEAD_MISMATCH,
    /** A head's signature is not the ledger key's over that head. */
    BAD_SIGNATURE
  }

  public LedgerProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(explanation, "explanation");
  }
}
