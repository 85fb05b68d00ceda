package dev.sextant.core.analysis.burn;

import java.time.Instant;
import java.util.Objects;

/**
 * One scrape of two counters: failed requests and all requests, both counted since the process
 * started (so they drop to zero when it restarts).
 */
public record CounterSample(Instant at, double errors, double total) {
  public CounterSample {
    Objects.requireNonNull(at, "at");
    if (!(errors >= 0) || !(total >= 0) || Double.isInfinite(errors) || Double.isInfinite(total)) {
      throw new IllegalArgumentException(
          "counters are finite and never negative, found errors="
              + errors
              + " total="
              + total
              + " at "
              + at);
    }
  }
}
