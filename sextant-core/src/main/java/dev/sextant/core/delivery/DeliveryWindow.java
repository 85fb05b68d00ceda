package dev.sextant.core.delivery;

import dev.sextant.core.resource.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stretch of time the figures are about: after {@code since}, up to and with {@code until}. */
public record DeliveryWindow(Instant since, Instant until) {
  public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

  /** Ten years: longer asks the store for everything it ever held, which no report means. */
  public static final Duration MAX_LENGTH = Duration.ofDays(3_660);

  private static final Pattern DAYS = Pattern.compile("([0-9]{1,9})d");
  private static final double SECONDS_PER_DAY = 86_400;

  public DeliveryWindow {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException(
          "a window starts before it ends: since " + since + " is not before until " + until);
    }
  }

  /** The {@code length} up to {@code now}. */
  public static DeliveryWindow last(Duration length, Instant now) {
    return new DeliveryWindow(now.minus(length), now);
  }

  /**
   * A window's length as people write it: days ({@code 30d}) or a Go-style duration ({@code 12h}).
   *
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static Duration length(String text) {
    Matcher days = DAYS.matcher(text);
    Duration length;
    if (days.matches()) {
      length = Duration.ofDays(Long.parseLong(days.group(1)));
    } else {
      try {
        length = Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "window '" + text + "' is not a length of time (expected e.g. 30d, 7d or 12h)", e);
      }
    }
    if (length.isZero() || length.compareTo(MAX_LENGTH) > 0) {
      throw new IllegalArgumentException(
          "window '" + text + "' must be longer than 0 and at most " + MAX_LENGTH.toDays() + "d");
    }
    return length;
  }

  public boolean contains(Instant instant) {
    return instant.isAfter(since) && !instant.isAfter(until);
  }

  public double days() {
    return Duration.between(since, until).toMillis() / 1_000.0 / SECONDS_PER_DAY;
  }
}
