package dev.sextant.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A canary judge's result for one analysis of a rollout.
 *
 * @param analysis the analysis it judged: {@code background}, or {@code step-N}
 * @param score 0 to 100
 * @param verdict {@code pass}, {@code marginal} or {@code fail}
 * @param summary one line for people
 * @param metrics each metric's classification and statistics, a JSON array
 */
public record StoredJudgement(
    String analysis, Instant at, double score, String verdict, String summary, String metrics) {
  public StoredJudgement {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(metrics, "metrics");
  }
}
