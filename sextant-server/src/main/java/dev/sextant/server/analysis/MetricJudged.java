package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Judged;
import java.util.Objects;

/** A judged measurement and the metric it measured: what is stored with the rollout and shown. */
public record MetricJudged(String metric, Judged judged) {
  public MetricJudged {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(judged, "judged");
  }
}
