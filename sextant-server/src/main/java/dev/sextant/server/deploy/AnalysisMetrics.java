package dev.sextant.server.deploy;

import java.util.Map;

/** What analyses tell the server's metrics: each measurement and each judge's score. */
public interface AnalysisMetrics {
  /**
   * A metric of a rollout's analysis was measured.
   *
   * @param value NaN when there was no data or the provider failed
   */
  void measured(Labels labels, String metric, String track, String verdict, double value);

  /**
   * A judge compared a rollout's canary with its baseline.
   *
   * @param classifications each judged metric's class: pass, high, low or nodata
   */
  void judged(Labels labels, double score, String verdict, Map<String, String> classifications);

  /** Which rollout, service and environment the numbers are of, and which of its analyses. */
  record Labels(String rollout, String environment, String service, String analysis) {}
}
