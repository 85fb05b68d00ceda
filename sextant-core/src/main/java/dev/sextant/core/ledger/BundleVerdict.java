package dev.sextant.core.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * What checking an evidence bundle found: how many entries it holds, the size of the head they were
 * proved against, and the first check that failed, if any; the bundle verifies when none did.
 */
public record BundleVerdict(int entries, long treeSize, Optional<Failure> failure) {
  public BundleVerdict {
    Objects.requireNonNull(failure, "failure");
  }

  public boolean verified() {
    return failure.isEmpty();
  }

  /**
   * One failed check: {@code where} names the part of the bundle ({@code tree head}, {@code entry
   * 17}, {@code inputs}, {@code signature}…), {@code reason} says what did not hold.
   */
  public record Failure(String where, String reason) {
    public Failure {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
