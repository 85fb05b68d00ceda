package dev.sextant.server.store;

import dev.sextant.api.ProblemKind;

/**
 * A write lost a compare-and-set to concurrent writes to the same rows every time it tried. Nothing
 * of it was stored, and trying again is safe: a conflict, not an outage.
 */
public final class ConflictException extends StoreException {
  private final int attempts;

  ConflictException(String what, int attempts, Throwable lastCause) {
    super(
        "gave up trying to "
            + what
            + " after "
            + attempts
            + " attempts: each time a concurrent write to the same rows won; try again",
        lastCause);
    this.attempts = attempts;
  }

  /** A lost compare-and-set: {@link ProblemKind#CONFLICT}, and trying again is safe. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.CONFLICT;
  }

  public int attempts() {
    return attempts;
  }
}
