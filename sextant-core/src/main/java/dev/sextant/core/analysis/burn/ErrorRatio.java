package dev.sextant.core.analysis.burn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The error ratio over a window from a series of scraped counters, so the burn-rate gate can run on
 * what the scrape provider reads and tests can build series with known answers.
 */
public final class ErrorRatio {
  private ErrorRatio() {}

  /**
   * Δerrors / Δtotal between the last sample at or before {@code now − window} and the last sample
   * at or before {@code now}. A counter that drops has restarted from zero, so its new value is the
   * increase since the restart, as Prometheus' {@code increase} counts it; unlike Prometheus, the
   * ends are not extrapolated, so the answer is exact for the samples given.
   *
   * @param series samples in time order
   * @return empty when no sample is at or before the window's start (the series does not cover the
   *     window) or when no request was counted in the window
   * @throws IllegalArgumentException when the samples are not in time order
   */
  public static OptionalDouble over(List<CounterSample> series, Duration window, Instant now) {
    Instant start = now.minus(window);
    int first = -1;
    int last = -1;
    for (int i = 0; i < series.size(); i++) {
      Instant at = series.get(i).at();
      if (i > 0 && at.isBefore(series.get(i - 1).at())) {
        throw new IllegalArgumentException(
            "counter samples must be in time order: sample "
                + i
                + " at "
                + at
                + " comes before "
                + series.get(i - 1).at());
      }
      if (!at.isAfter(start)) {
        first = i;
      }
      if (!at.isAfter(now)) {
        last = i;
      }
    }
    if (first < 0) {
      return OptionalDouble.empty();
    }
    List<CounterSample> inWindow = series.subList(first, last + 1);
    double total = increase(inWindow, CounterSample::total);
    if (total <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(increase(inWindow, CounterSample::errors) / total);
  }

  private static double increase(List<CounterSample> samples, ToDoubleFunction<CounterSample> of) {
    double sum = 0;
    for (int i = 1; i < samples.size(); i++) {
      double before = of.applyAsDouble(samples.get(i - 1));
      double after = of.applyAsDouble(samples.get(i));
      sum += after >= before ? after - before : after;
    }
    return sum;
  }
}
