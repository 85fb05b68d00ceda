package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Judged;
import java.util.Objects;

/**
 * A judged measurement, the metric it measured and the track it measured it on ({@code canary}, or
 * {@code baseline} for a judged metric): what is stored with the rollout and shown.
 */
public record MetricJudged(String metric, String track, Judged judged) {
  public static final String CANARY = "canary";
  public static final String BASELINE = "baseline";

  public MetricJudged {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(judged, "judged");
  }

  /** A measurement of the canary. */
  public MetricJudged(String metric, Judged judged) {
    this(metric, CANARY, judged);
  }
}
