package dev.sextant.server.work;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads make true, up to a deadline, without fixed sleeps. */
final class Eventually {
  private static final Duration CHECK_EVERY = Duration.ofMillis(10);

  private Eventually() {}

  /**
   * Returns how long the condition took to hold.
   *
   * @throws AssertionError when it does not hold within the limit
   */
  static Duration within(Duration limit, String what, BooleanSupplier condition)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(CHECK_EVERY.toMillis());
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
