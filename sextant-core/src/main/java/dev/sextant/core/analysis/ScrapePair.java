package dev.sextant.core.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * Two scrapes of one instance, the window a counter's rate is measured over.
 *
 * @throws IllegalArgumentException when the later scrape is not after the earlier one
 */
public record ScrapePair(String instance, Scraped earlier, Scraped later) {
  public ScrapePair {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(later, "later");
    if (!later.at().isAfter(earlier.at())) {
      throw new IllegalArgumentException(
          "instance "
              + instance
              + ": the later scrape ("
              + later.at()
              + ") is not after the earlier one ("
              + earlier.at()
              + ")");
    }
  }

  /** The window's length in seconds, the divisor of a rate. */
  double seconds() {
    return Duration.between(earlier.at(), later.at()).toNanos() / 1e9;
  }
}
