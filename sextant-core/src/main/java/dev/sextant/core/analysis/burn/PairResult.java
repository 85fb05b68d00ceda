package dev.sextant.core.analysis.burn;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One window pair's burn rates, each absent when its window had no data.
 *
 * @param fires whether both windows burn faster than the factor; a pair missing a window never
 *     fires
 */
public record PairResult(
    Duration longWindow,
    Duration shortWindow,
    double factor,
    OptionalDouble longBurn,
    OptionalDouble shortBurn,
    boolean fires) {
  public PairResult {
    Objects.requireNonNull(longWindow, "longWindow");
    Objects.requireNonNull(shortWindow, "shortWindow");
    Objects.requireNonNull(longBurn, "longBurn");
    Objects.requireNonNull(shortBurn, "shortBurn");
  }

  /** Whether a window of this pair had no data. */
  public boolean missing() {
    return longBurn.isEmpty() || shortBurn.isEmpty();
  }
}
