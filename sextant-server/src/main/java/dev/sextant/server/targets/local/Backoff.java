package dev.sextant.server.targets.local;

import java.time.Duration;

/**
 * How long a crashed instance waits before its restart: {@code initial}, doubling with each crash
 * in a row up to {@code max}. An instance that stayed ready for {@code resetAfter} before it
 * crashed starts again from {@code initial}, so one crash a day never waits the maximum.
 */
public record Backoff(Duration initial, Duration max, Duration resetAfter) {
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "a back-off needs 0 < initial <= max, not " + initial + " and " + max);
    }
    if (resetAfter.isNegative()) {
      throw new IllegalArgumentException("resetAfter must not be negative: " + resetAfter);
    }
  }

  /** The wait before the restart that follows the {@code crashesInARow}th crash (from 1). */
  public Duration delay(int crashesInARow) {
    Duration d = initial;
    for (int i = 1; i < crashesInARow && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) < 0 ? d : max;
  }
}
