package dev.sextant.server.rollout.analysis;

import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.server.analysis.MetricJudged;
import java.time.Instant;
import java.util.List;

/** Where each measurement of a rollout's analyses goes as it is taken: stored with the rollout. */
@FunctionalInterface
public interface MeasurementLog {
  MeasurementLog NONE = (rollout, analysis, judged) -> {};

  /**
   * @param analysis {@code background} or {@code step-N}
   * @param judged the measurements of this tick, each with its metric's verdict
   */
  void taken(String rollout, String analysis, List<MetricJudged> judged);

  /** The analysis' judge compared canary with baseline at {@code at} and gave {@code result}. */
  default void judged(String rollout, String analysis, Instant at, JudgeResult result) {}
}
