package dev.sextant.core.analysis.burn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Synthetic counters scraped once a minute for 31 days, so every window has a known answer: 100,000
 * requests a minute, and the errors of each minute given by how many minutes ago it ended.
 */
final class CounterSeries {
  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  static final int REQUESTS_PER_MINUTE = 100_000;
  private static final int MINUTES = 31 * 24 * 60;

  private CounterSeries() {}

  /** Errors per minute (of 100,000 requests) as a function of minutes before {@link #NOW}. */
  static List<CounterSample> errorsPerMinute(IntUnaryOperator minutesAgo) {
    return errorsPerMinute(minutesAgo, MINUTES);
  }

  /** The same, covering only the last {@code minutes}. */
  static List<CounterSample> errorsPerMinute(IntUnaryOperator minutesAgo, int minutes) {
    List<CounterSample> series = new ArrayList<>();
    long errors = 0;
    long total = 0;
    series.add(new CounterSample(NOW.minus(Duration.ofMinutes(minutes)), 0, 0));
    for (int ago = minutes - 1; ago >= 0; ago--) {
      errors += minutesAgo.applyAsInt(ago);
      total += REQUESTS_PER_MINUTE;
      series.add(new CounterSample(NOW.minus(Duration.ofMinutes(ago)), errors, total));
    }
    return series;
  }

  /** A constant error ratio, in errors per 100,000 requests. */
  static List<CounterSample> constant(int errorsPerMinute) {
    return errorsPerMinute(ago -> errorsPerMinute);
  }
}
