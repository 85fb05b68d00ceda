package dev.sextant.core.analysis.burn;

import java.time.Duration;

/** Windows as people write them in alerting rules: {@code 5m}, {@code 6h}, {@code 30d}. */
final class Windows {
  private Windows() {}

  static String text(Duration window) {
    if (window.toDaysPart() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
      return window.toDays() + "d";
    }
    if (window.equals(Duration.ofHours(window.toHours()))) {
      return window.toHours() + "h";
    }
    if (window.equals(Duration.ofMinutes(window.toMinutes()))) {
      return window.toMinutes() + "m";
    }
    if (window.equals(Duration.ofSeconds(window.getSeconds()))) {
      return window.getSeconds() + "s";
    }
    return window.toMillis() + "ms";
  }
}
