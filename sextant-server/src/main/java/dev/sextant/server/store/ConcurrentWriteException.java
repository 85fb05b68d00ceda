package dev.sextant.server.store;

/**
 * Concurrent writers won every attempt of this write. Nothing of it was stored; trying again is
 * safe.
 */
public final class ConcurrentWriteException extends StoreException {
  private final int attempts;

  ConcurrentWriteException(String what, int attempts, Throwable lastCause) {
    super(
        "gave up trying to "
            + what
            + " after "
            + attempts
            + " attempts: each time a concurrent write to the same rows won",
        lastCause);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
