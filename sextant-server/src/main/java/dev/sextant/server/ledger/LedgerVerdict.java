package dev.sextant.server.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * What verifying the ledger found: how many events and signed heads it checked, and the first
 * problem, if any; the ledger verifies when there is none.
 */
public record LedgerVerdict(long entries, long heads, Optional<LedgerProblem> firstProblem) {
  public LedgerVerdict {
    Objects.requireNonNull(firstProblem, "firstProblem");
  }

  public boolean verified() {
    return firstProblem.isEmpty();
  }
}
