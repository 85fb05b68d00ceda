package dev.sextant.core.analysis.judge;

import java.util.List;
import java.util.Objects;

/**
 * One metric's measurements of the baseline and of the canary over the same time, in the order
 * taken; NaN stands for a measurement without a value.
 */
public record MetricSamples(String metric, List<Double> baseline, List<Double> canary) {
  public MetricSamples {
    Objects.requireNonNull(metric, "metric");
    baseline = List.copyOf(baseline);
    canary = List.copyOf(canary);
  }
}
