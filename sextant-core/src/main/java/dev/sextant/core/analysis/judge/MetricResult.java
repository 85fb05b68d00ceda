package dev.sextant.core.analysis.judge;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric's classification, whether it alone fails the run (a critical metric that is not a
 * pass, or a metric that must have data and has none), the samples compared after cleaning, the
 * test's outcome when it ran, and why, for people.
 */
public record MetricResult(
    String metric,
    Classification classification,
    boolean critical,
    boolean failsRun,
    SampleSummary baseline,
    SampleSummary canary,
    Optional<Comparison> comparison,
    String reason) {
  public MetricResult {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A side's samples once NaNs and outliers are handled: how many, how many were dropped, and their
   * mean when there are any.
   */
  public record SampleSummary(int count, int dropped, OptionalDouble mean) {}

  /**
   * The Mann-Whitney test's outcome: its p-value, the Hodges–Lehmann estimate of the shift (canary
   * − baseline) and its confidence interval, and the ratio of means (canary / baseline), absent
   * when the baseline's mean is 0.
   */
  public record Comparison(
      double pValue, double estimate, double lower, double upper, OptionalDouble meanRatio) {}
}
