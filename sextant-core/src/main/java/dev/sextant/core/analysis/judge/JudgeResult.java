package dev.sextant.core.analysis.judge;

import java.util.List;
import java.util.Objects;

/**
 * The judge's outcome: the score (0–100, two decimals), its verdict, each metric's result in the
 * order given, and one line for people that says what decided.
 */
public record JudgeResult(
    double score, ScoreClass verdict, List<MetricResult> metrics, String summary) {
  public JudgeResult {
    Objects.requireNonNull(verdict, "verdict");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(summary, "summary");
  }
}
