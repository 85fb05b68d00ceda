package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An SLO error-budget burn-rate gate with multiple windows (Google SRE workbook, "Alerting on
 * SLOs"): it fails when, for some window pair, the burn rate over both windows exceeds the factor.
 *
 * @param slo the SLO target as a percentage, e.g. 99.9
 * @param period the SLO period whose error budget the gate guards; 30 days when not given, as in
 *     the workbook's table
 */
public record BurnRate(double slo, String metric, List<Window> windows, Duration period) {
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  public BurnRate {
    Objects.requireNonNull(metric, "metric");
    windows = Defaults.list(windows);
    period = period == null ? DEFAULT_PERIOD : period;
    if (!(slo > 0 && slo < 100)) {
      throw new IllegalArgumentException(
          "the SLO must be a percentage above 0 and below 100, found " + slo);
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a burn-rate gate needs at least one window pair");
    }
    for (Window window : windows) {
      if (window.longWindow().compareTo(period) > 0) {
        throw new IllegalArgumentException(
            "the long window "
                + window.longWindow()
                + " is longer than the SLO period "
                + period
                + "; a burn rate over more than the period says nothing about its budget");
      }
    }
  }

  /** The share of requests that may fail over the period: 0.001 for a 99.9% SLO. */
  public double errorBudget() {
    // In decimal, so that 99.9 gives 0.001 and not 0.0009999999999999432.
    return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(slo)).movePointLeft(2).doubleValue();
  }

  /** A long and a short window; the short one makes the gate recover quickly. */
  public record Window(
      @JsonProperty("long") Duration longWindow,
      @JsonProperty("short") Duration shortWindow,
      double factor) {
    public Window {
      Objects.requireNonNull(longWindow, "long");
      Objects.requireNonNull(shortWindow, "short");
      if (shortWindow.compareTo(longWindow) >= 0) {
        throw new IllegalArgumentException("the short window must be shorter than the long one");
      }
      if (!(factor > 0)) {
        throw new IllegalArgumentException(
            "the burn-rate factor must be positive, found " + factor);
      }
    }
  }
}
