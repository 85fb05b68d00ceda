package dev.sextant.core.resource.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go-style durations as Kubernetes, Argo Rollouts and Flagger write them: {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 1.5h}, {@code 250ms}. Only positive durations are accepted: a step that
 * pauses for {@code 0s} is a mistake, not an instruction.
 */
public final class Durations {
  private static final String UNITS = "(ns|us|\u00b5s|\u03bcs|ms|s|m|h)";
  private static final Pattern WHOLE = Pattern.compile("([0-9]+(\\.[0-9]+)?" + UNITS + ")+");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)" + UNITS);
  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "\u00b5s", BigDecimal.valueOf(1_000L),
          "\u03bcs", BigDecimal.valueOf(1_000L),
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private Durations() {}

  /**
   * Parses a Go-style duration.
   *
   * @throws IllegalArgumentException when the text is not a duration, is zero, or is too long
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (expected e.g. 30s, 5m, 1h30m)");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(NANOS_PER_UNIT.get(part.group(2))));
    }
    BigInteger whole = nanos.toBigInteger();
    if (whole.signum() == 0) {
      throw new IllegalArgumentException(
          "expected a positive duration such as 30s or 5m, found \"" + text + "\"");
    }
    // Go counts a duration in int64 nanoseconds, about 292 years; so do Kubernetes and Argo.
    if (whole.bitLength() >= Long.SIZE) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration (over 292 years)");
    }
    return Duration.ofNanos(whole.longValueExact());
  }
}
