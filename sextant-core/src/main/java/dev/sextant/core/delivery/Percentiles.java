package dev.sextant.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles of durations, interpolated between the two nearest ranks (as spreadsheets'
 * PERCENTILE.INC and NumPy's default do), so the median of an even count is the mean of the middle
 * two.
 */
final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile (0–1), absent when there is nothing to rank. */
  static Optional<Duration> of(List<Duration> durations, double p) {
    if (durations.isEmpty()) {
      return Optional.empty();
    }
    long[] nanos = durations.stream().mapToLong(Duration::toNanos).sorted().toArray();
    double rank = p * (nanos.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, nanos.length - 1);
    double value = nanos[below] + (rank - below) * (nanos[above] - nanos[below]);
    return Optional.of(Duration.ofNanos(Math.round(value)));
  }
}
