package dev.sextant.sample;

import java.time.Duration;
import java.util.Random;

/**
 * Which {@code /} requests fail and how long each one takes, as the flags set them.
 *
 * <p>Without a seed the errors follow an exact pattern, so that a test (or an analysis) sees
 * precisely the configured rate: request n fails when floor(n·rate) grows, which spreads the
 * failures evenly and gives floor(N·rate) of them in the first N requests. The rate is held in
 * parts per million so that this stays exact in whole numbers (0.29 as a double would give 28
 * failures in 100).
 */
final class Faults {
  private static final long MILLION = 1_000_000;

  private final long errorPpm;
  private final Random random;
  private final boolean randomErrors;
  private final Duration latency;
  private final long jitterNanos;

  Faults(SampleOptions options) {
    this.errorPpm = Math.round(options.errorRate() * MILLION);
    this.randomErrors = options.seed().isPresent();
    this.random =
        options.seed().isPresent() ? new Random(options.seed().getAsLong()) : new Random();
    this.latency = options.latency();
    this.jitterNanos = options.latencyJitter().toNanos();
  }

  /** Whether the n-th {@code /} request (counted from 1) is answered 500. */
  boolean fails(long n) {
    if (randomErrors) {
      synchronized (random) {
        return random.nextInt((int) MILLION) < errorPpm;
      }
    }
    return failuresIn(n) > failuresIn(n - 1);
  }

  /** floor(n·ppm / 10^6), split at 10^6 so the product cannot overflow a long. */
  private long failuresIn(long n) {
    return (n / MILLION) * errorPpm + (n % MILLION) * errorPpm / MILLION;
  }

  /** How long the next {@code /} request waits before it answers. */
  Duration delay() {
    if (jitterNanos == 0) {
      return latency;
    }
    long extra;
    synchronized (random) {
      extra = (long) (random.nextDouble() * (jitterNanos + 1));
    }
    return latency.plusNanos(extra);
  }
}
