package dev.sextant.server.store;

import dev.sextant.core.resource.ResourceKey;

/**
 * Other applies to the same resource won the compare-and-set every time this one tried. Nothing of
 * this apply was stored; applying again is safe.
 */
public final class ConcurrentApplyException extends StoreException {
  private final ResourceKey key;
  private final int attempts;

  ConcurrentApplyException(ResourceKey key, int attempts, Throwable lastCause) {
    super(
        "gave up applying "
            + key
            + " after "
            + attempts
            + " attempts: each time a concurrent apply stored a new revision first",
        lastCause);
    this.key = key;
    this.attempts = attempts;
  }

  public ResourceKey key() {
    return key;
  }

  public int attempts() {
    return attempts;
  }
}
