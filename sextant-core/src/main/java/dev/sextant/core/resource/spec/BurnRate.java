package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An SLO error-budget burn-rate gate with multiple windows (Google SRE workbook, "Alerting on
 * SLOs"): it fails when, for some window pair, the burn rate over both windows exceeds the factor.
 */
public record BurnRate(double slo, String metric, List<Window> windows) {
  public BurnRate {
    Objects.requireNonNull(metric, "metric");
    windows = Defaults.list(windows);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a burn-rate gate needs at least one window pair");
    }
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
    }
  }
}
