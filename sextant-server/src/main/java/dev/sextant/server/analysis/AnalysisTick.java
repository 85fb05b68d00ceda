package dev.sextant.server.analysis;

import dev.sextant.core.analysis.AnalysisPhase;
import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.core.rollout.RolloutEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call of {@link AnalysisRunner#measure} did: the measurements it took, judged, the
 * judge's result when this call completed the comparison, and the analysis' phase after them.
 */
public record AnalysisTick(
    AnalysisPhase phase, List<MetricJudged> judged, Optional<JudgeResult> judgement) {
  public AnalysisTick {
    Objects.requireNonNull(phase, "phase");
    judged = List.copyOf(judged);
    Objects.requireNonNull(judgement, "judgement");
  }

  /** The verdict to deliver to the rollout as a MeasurementTaken; empty while still running. */
  public Optional<RolloutEvent.Verdict> verdict() {
    return switch (phase) {
      case RUNNING -> Optional.empty();
      case SUCCESSFUL -> Optional.of(RolloutEvent.Verdict.SUCCESSFUL);
      case INCONCLUSIVE -> Optional.of(RolloutEvent.Verdict.INCONCLUSIVE);
      case ERROR -> Optional.of(RolloutEvent.Verdict.ERROR);
      case FAILED -> Optional.of(RolloutEvent.Verdict.FAILED);
    };
  }
}
