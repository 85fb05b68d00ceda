package dev.sextant.core.resource.spec;

import java.util.List;
import java.util.Objects;

/**
 * Compares canary with baseline measurements as Kayenta does: each metric is classified with a
 * Mann-Whitney U test and the score (0–100) is the share of metrics that pass. The metrics are
 * those named, or all of the template's when none are.
 */
public record Judge(MannWhitney mannWhitney, List<String> metrics) {
  public Judge {
    Objects.requireNonNull(mannWhitney, "mannWhitney");
    metrics = Defaults.list(metrics);
  }

  /** The test's confidence and effect size, and the score thresholds. */
  public record MannWhitney(double confidence, double effectSize, double marginal, double pass) {
    public MannWhitney {
      if (pass < marginal) {
        throw new IllegalArgumentException(
            "pass threshold " + pass + " is below the marginal threshold " + marginal);
      }
    }
  }
}
